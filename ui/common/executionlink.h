#pragma once

#include <QString>

namespace Switchboard {

// An execution id shown anywhere in the console is a link that opens it in the Executions
// section: a label shows link(id) and hands what it activates to idFrom().
namespace ExecutionLink {

QString link(const QString &executionId);
// The execution id of an activated link; empty when the link is not an execution's.
QString idFrom(const QString &href);

} // namespace ExecutionLink

} // namespace Switchboard
