#include "containerd_supervisor.h"

#include "host_command.h"
#include "node_teardown.h"

#include <QDir>
#include <QFile>

#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstring>

namespace timoneiro::runtime {

namespace {

bool socketAnswers(const QString &path)
{
    const QByteArray name = path.toUtf8();
    sockaddr_un address {};
    if (name.size() >= static_cast<qsizetype>(sizeof address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, name.constData(), name.size());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

QStringList lines(const QByteArray &out)
{
    QStringList result;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            result.append(QString::fromUtf8(line.trimmed()));
    }
    return result;
}

// Go's duration text, as Kubernetes' messages print back-offs: 500ms, 1s, 30s.
QString durationText(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1ms").arg(ms);
    if (ms % 1000 != 0)
        return QStringLiteral("%1s").arg(double(ms) / 1000.0);
    if (ms < 60000)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1m%2s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

}  // namespace

QString runtimeStateName(RuntimeState state)
{
    switch (state) {
    case RuntimeState::Stopped: return QStringLiteral("Stopped");
    case RuntimeState::Starting: return QStringLiteral("Starting");
    case RuntimeState::Running: return QStringLiteral("Running");
    case RuntimeState::Restarting: return QStringLiteral("Restarting");
    case RuntimeState::Failed: return QStringLiteral("Failed");
    }
    return {};
}

ContainerdSupervisor::ContainerdSupervisor(NodeRuntimeConfig config, BackoffPolicy backoff, QObject *parent)
    : QObject(parent), config_(std::move(config)), backoff_(backoff), paths_(NodeRuntimePaths::forDataDir(config_.dataDir))
{
    readyPoll_.setInterval(100);
    connect(&readyPoll_, &QTimer::timeout, this, &ContainerdSupervisor::checkReady);
    restartTimer_.setSingleShot(true);
    connect(&restartTimer_, &QTimer::timeout, this, &ContainerdSupervisor::launch);
    if (config_.bridgeName.isEmpty())
        config_.bridgeName = bridgeNameFor(config_.nodeName);
}

ContainerdSupervisor::~ContainerdSupervisor()
{
    if (state_ != RuntimeState::Stopped)
        stop();
}

QString ContainerdSupervisor::bridgeName() const
{
    return config_.bridgeName;
}

bool ContainerdSupervisor::start(QString *error)
{
    if (state_ == RuntimeState::Starting || state_ == RuntimeState::Running || state_ == RuntimeState::Restarting)
        return true;
    if (!QDir().mkpath(paths_.base)) {
        *error = tr("cannot create %1").arg(paths_.base);
        return false;
    }
    if (config_.snapshotter.isEmpty())
        config_.snapshotter = probeSnapshotter(paths_.base);
    if (!writeNodeRuntimeConfig(config_, paths_, error))
        return false;
    // The bridge (and with it the route of the pod CIDR) exists before any
    // pod, so nothing addressed to the node's pods can leave the machine.
    if (!teardown::ensureBridge(config_.bridgeName, config_.podCidr, error))
        return false;
    stopping_ = false;
    restarts_ = 0;
    consecutiveFailures_ = 0;
    lastExit_.clear();
    leftovers_.clear();
    launch();
    return true;
}

void ContainerdSupervisor::launch()
{
    if (stopping_)
        return;
    delete process_;
    process_ = new QProcess(this);
    process_->setProgram(config_.containerdBinary);
    process_->setArguments({QStringLiteral("--config"), paths_.configFile});
    process_->setProcessChannelMode(QProcess::MergedChannels);
    process_->setStandardOutputFile(paths_.log, QIODevice::Append);
    // containerd must not outlive timoneirod; its shims (re-parented,
    // own session) keep the pods running across a restart.
    process_->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(process_, &QProcess::finished, this, &ContainerdSupervisor::onFinished);
    connect(process_, &QProcess::errorOccurred, this, &ContainerdSupervisor::onStartFailed);
    setState(RuntimeState::Starting);
    runTime_.start();
    process_->start();
    runningPid_ = process_->processId();
    readyPoll_.start();
}

void ContainerdSupervisor::checkReady()
{
    if (socketAnswers(paths_.socket)) {
        readyPoll_.stop();
        setState(RuntimeState::Running);
        emit ready();
        if (restarts_ > 0)
            emit restarted(pid(), restarts_);
        return;
    }
    if (runTime_.elapsed() > backoff_.readyTimeoutMs) {
        // Alive but deaf: end it and let the back-off take over.
        readyPoll_.stop();
        lastExit_ = tr("did not answer on %1 within %2 s and was killed").arg(paths_.socket).arg(backoff_.readyTimeoutMs / 1000);
        deafKill_ = true;
        process_->kill();
    }
}

void ContainerdSupervisor::onStartFailed(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || stopping_)
        return;
    readyPoll_.stop();
    lastExit_ = tr("could not start %1: %2").arg(config_.containerdBinary, process_->errorString());
    runningPid_ = 0;
    scheduleRestart();
}

void ContainerdSupervisor::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readyPoll_.stop();
    if (stopping_)
        return;
    if (!deafKill_)
        lastExit_ = status == QProcess::CrashExit ? tr("exited with signal %1").arg(exitCode)
                                                  : tr("exited with code %1").arg(exitCode);
    deafKill_ = false;
    scheduleRestart();
}

void ContainerdSupervisor::scheduleRestart()
{
    lastPid_ = runningPid_;
    runningPid_ = 0;
    if (runTime_.elapsed() >= backoff_.healthyAfterMs)
        consecutiveFailures_ = 0;
    ++consecutiveFailures_;
    if (consecutiveFailures_ > backoff_.maxConsecutiveFailures) {
        setState(RuntimeState::Failed);
        emit failed(tr("containerd of node %1 failed %2 times in a row; last: %3")
                        .arg(config_.nodeName).arg(consecutiveFailures_ - 1).arg(lastExit_));
        return;
    }
    // 0.5 s, 1 s, 2 s, ... up to the ceiling.
    qint64 delay = backoff_.initialDelayMs;
    for (int i = 1; i < consecutiveFailures_ && delay < backoff_.maxDelayMs; ++i)
        delay *= 2;
    delay = std::min<qint64>(delay, backoff_.maxDelayMs);
    ++restarts_;
    setState(RuntimeState::Restarting);
    const QString who = lastPid_ > 0 ? tr("containerd (pid %1)").arg(lastPid_) : tr("containerd");
    emit restarting(restarts_, lastExit_, static_cast<int>(delay),
                    tr("%1 %2; restarting in %3").arg(who, lastExit_, durationText(delay)));
    restartTimer_.start(static_cast<int>(delay));
}

void ContainerdSupervisor::setState(RuntimeState state)
{
    if (state_ == state)
        return;
    state_ = state;
    emit stateChanged(state);
}

void ContainerdSupervisor::deleteTasks()
{
    // Through containerd while it still answers: the shims then unmount
    // the rootfs, remove their sockets and exit on their own.
    const QString ctr = QStringLiteral("ctr");
    const CommandResult namespaces = runCommand(ctr, {QStringLiteral("-a"), paths_.socket, QStringLiteral("namespaces"),
                                                      QStringLiteral("ls"), QStringLiteral("-q")}, 15000);
    for (const QString &ns : lines(namespaces.out)) {
        const QStringList base{QStringLiteral("-a"), paths_.socket, QStringLiteral("-n"), ns, QStringLiteral("tasks")};
        const CommandResult tasks = runCommand(ctr, base + QStringList{QStringLiteral("ls"), QStringLiteral("-q")}, 15000);
        for (const QString &task : lines(tasks.out))
            runCommand(ctr, base + QStringList{QStringLiteral("rm"), QStringLiteral("-f"), task}, 20000);
    }
}

void ContainerdSupervisor::stop()
{
    stopping_ = true;
    readyPoll_.stop();
    restartTimer_.stop();
    if (process_ && process_->state() == QProcess::Running) {
        if (socketAnswers(paths_.socket))
            deleteTasks();
        process_->terminate();
        if (!process_->waitForFinished(10000)) {
            process_->kill();
            process_->waitForFinished(5000);
        }
    }
    sweep();
    setState(RuntimeState::Stopped);
}

void ContainerdSupervisor::sweep()
{
    leftovers_.clear();
    // Shims whose tasks containerd could not delete (or containerd was
    // down): end their containers and them, by PID, and their sockets.
    for (const ShimProcess &shim : teardown::shimsOf(paths_.socket)) {
        teardown::killTree(shim.pid);
        QFile::remove(teardown::shimSocketPath(paths_.socket, shim));
        if (teardown::processAlive(shim.pid))
            leftovers_.append(tr("shim process %1").arg(shim.pid));
    }
    // Rootfs mounts, shm mounts, and network namespaces (kept under the
    // state dir by netns_mounts_under_state_dir) go with their mounts.
    for (const QString &mount : teardown::unmountUnder(config_.dataDir))
        leftovers_.append(tr("mount %1").arg(mount));
    QDir(paths_.state + QStringLiteral("/io.containerd.grpc.v1.cri/netns")).removeRecursively();
    // No pod is left, so no address is in use: host-local starts afresh.
    QDir(paths_.cniIpamDir).removeRecursively();
    QDir().mkpath(paths_.cniIpamDir);
    // The pods' cgroups, empty now that their processes are gone.
    for (const QString &cgroup : teardown::removeCgroups(nodeCgroupParent(config_.nodeName)))
        leftovers_.append(tr("cgroup %1").arg(cgroup));
    teardown::removeCgroupIfEmpty(nodeCgroupParent(config_.nodeName).section(QLatin1Char('/'), 0, -2));
    QString error;
    if (!teardown::deleteLink(config_.bridgeName, &error))
        leftovers_.append(error);
    QFile::remove(paths_.socket);
    QFile::remove(paths_.socket + QStringLiteral(".ttrpc"));
}

}  // namespace timoneiro::runtime
