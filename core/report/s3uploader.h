#pragma once

#include "common/result.h"
#include "config/integrationconfig.h"

#include <QObject>
#include <QThreadPool>
#include <functional>

namespace Switchboard {

// Puts an object into an S3 bucket (Amazon S3 or any S3-compatible storage), signed with AWS
// Signature V4 by libcurl (CURLOPT_AWS_SIGV4). Blocking transfers run on a pool thread; the
// answer comes back on this object's thread. The secret key is never logged.
class S3Uploader final : public QObject
{
    Q_OBJECT

public:
    explicit S3Uploader(QObject *parent = nullptr);
    ~S3Uploader() override;

    // Where key lives: <S3_ENDPOINT>/<bucket>/<key> (path style) when an endpoint is set, else
    // https://<bucket>.s3.<region>.amazonaws.com/<key>.
    static QUrl objectUrl(const DashboardPublishing &target, const QString &key);

    using Done = std::function<void(Status)>;
    void put(const DashboardPublishing &target, const QString &key, const QByteArray &body,
             const QByteArray &contentType, Done done);

private:
    QThreadPool m_pool;
};

} // namespace Switchboard
