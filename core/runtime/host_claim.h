#pragma once
// The local nodes of a cluster use names that are the machine's, not the
// cluster's: the bridges tmn-node-N and the pod range 10.244.0.0/16. Only
// one timoneirod may hold them at a time, or a second one would take over
// the first one's bridges and addresses. The claim is an exclusive flock on
// /run/timoneiro/local-nodes.lock with the holder's PID and data dir in it:
// the kernel drops the lock when its process ends, kill -9 included, so the
// claim of a dead timoneirod is never in the way (its stale bridges are
// then reused and cleaned as usual).
#include <QString>

namespace timoneiro::runtime {

class HostClaim {
public:
    HostClaim() = default;
    ~HostClaim();
    HostClaim(const HostClaim &) = delete;
    HostClaim &operator=(const HostClaim &) = delete;

    // Who else holds the claim now, as "PID 812, data dir /var/lib/x", or
    // empty when nobody (or this process) does.
    static QString holder();
    // Takes the claim for dataDir; false with *why (one sentence) when
    // another live process holds it.
    bool acquire(const QString &dataDir, QString *why);
    void release();
    bool held() const { return fd_ >= 0; }

    // /run/timoneiro/local-nodes.lock, or $TIMONEIRO_RUN_DIR/local-nodes.lock.
    static QString lockPath();
    // "another timoneirod (PID 812, data dir /x) owns the local nodes' bridges ..."
    static QString ownedBySentence(const QString &holder);

private:
    int fd_ = -1;
};

}  // namespace timoneiro::runtime
