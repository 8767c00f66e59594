#pragma once
// What the e2e tests of local nodes share that needs the runtime library
// (only tests that link timoneiro_runtime include this): curl from the host
// to a pod, and the sweep that removes by PID whatever a cluster's nodes
// left when a check failed or the daemon was killed.
#include "e2e_helpers.h"
#include "runtime/host_command.h"
#include "runtime/node_teardown.h"
#include "timoneirod_process.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QThread>

#include <functional>
#include <memory>

namespace timoneiro::testing {

// GET url from the host, a few tries while the server starts (bounded).
inline runtime::CommandResult curl(const QString &url)
{
    runtime::CommandResult result;
    for (int attempt = 0; attempt < 20; ++attempt) {
        result = runtime::runCommand(QStringLiteral("curl"), {QStringLiteral("--noproxy"), QStringLiteral("*"), QStringLiteral("-sS"),
                                                               QStringLiteral("--max-time"), QStringLiteral("3"), url});
        if (result.ok())
            break;
        QThread::msleep(250);
    }
    return result;
}

// After the daemon is stopped: the shims of these nodes' containerds and
// their trees, then what leftovers() names (asked only then), the mounts
// under dataDir and the nodes' bridges.
inline void sweepNodes(const QString &dataDir, const QStringList &nodes, const std::function<QList<qint64>()> &leftovers = {})
{
    for (const QString &node : nodes) {
        for (const auto &shim : runtime::teardown::shimsOf(nodeSocket(dataDir, node)))
            runtime::teardown::killTree(shim.pid);
    }
    if (leftovers) {
        for (qint64 pid : leftovers())
            runtime::teardown::killTree(pid_t(pid));
    }
    runtime::teardown::unmountUnder(dataDir);
    for (const QString &node : nodes) {
        QString ignored;
        if (runtime::teardown::linkExists(bridgeOf(node)))
            runtime::teardown::deleteLink(bridgeOf(node), &ignored);
    }
}

// Stops the daemon (if there is one), sweeps what its nodes left, and lets it go.
inline void sweepCluster(std::unique_ptr<TimoneirodProcess> &server, const QStringList &nodes,
                         const std::function<QList<qint64>()> &leftovers = {})
{
    if (!server)
        return;
    server->stop();
    sweepNodes(server->dataDir(), nodes, leftovers);
    server.reset();
}

}  // namespace timoneiro::testing
