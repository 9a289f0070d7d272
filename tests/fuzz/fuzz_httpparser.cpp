// libFuzzer target over the HTTP request parser (scripts/fuzz builds and runs it with ASan and
// UBSan). The first byte picks how the input is cut into pieces, so that every split of a
// request is tried; every answer must keep the parser's promises.

#include "net/httprequestparser.h"

#include <cstdint>
#include <cstdlib>

using namespace Switchboard;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = 1 + data[0] % 64;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    HttpLimits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxHeaders = 32;
    limits.maxTargetBytes = 1024;
    limits.maxBodyBytes = 8192;
    HttpRequestParser parser(limits, [](const HttpMessage &m) -> qsizetype {
        return m.target.startsWith("/big") ? 16384 : 8192;
    });
    for (qsizetype at = 0; at < input.size(); at += piece) {
        parser.feed(input.mid(at, piece));
        for (;;) {
            const HttpRequestParser::State state = parser.next();
            if (state == HttpRequestParser::State::Failed) {
                check(parser.status() >= 400 && parser.status() < 600);
                check(!parser.error().isEmpty());
                return 0;
            }
            if (state == HttpRequestParser::State::NeedMore)
                break;
            const HttpMessage m = parser.takeMessage();
            check(!m.method.isEmpty());
            check(m.target.startsWith('/') || m.target == "*");
            check(m.body.size() <= 16384);
            check(m.headers.size() <= limits.maxHeaders);
            check(m.rawHead.size() <= limits.maxHeaderBytes);
            (void)m.keepAlive();
            (void)m.isWebSocketUpgrade();
        }
    }
    return 0;
}
