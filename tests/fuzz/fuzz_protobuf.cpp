// Protobuf request bodies (kubectl's typed-client creates).
#include "fuzz_support.h"

#include "api/protobuf.h"

using namespace timoneiro;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Half the inputs get the magic, so the fuzzer reaches the envelope quickly.
    QByteArray body = fuzz::bytes(data, size);
    if (size > 0 && data[0] & 1)
        body.prepend(QByteArray("k8s\0", 4));
    if (auto obj = api::decodeProtobufObject(body); !obj)
        fuzz::checkError(obj.error());
    return 0;
}
