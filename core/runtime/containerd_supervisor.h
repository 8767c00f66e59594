#pragma once
// The "supervisord" of one local node's containerd: writes its config and
// CNI conflist, creates the node bridge, starts containerd as a child,
// watches it and restarts it with bounded exponential back-off (signals
// for each exit and each restart, which LocalNodes turns into Events on the
// Node and the kubelet into its conditions), and stops it cleanly: its
// tasks, its shims (and only its), mounts, network namespaces and the
// bridge all go. The shims outlive a containerd that dies, so its pods keep
// running and the restarted containerd finds them again.
#include "node_runtime_config.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace timoneiro::runtime {

enum class RuntimeState { Stopped, Starting, Running, Restarting, Failed };
QString runtimeStateName(RuntimeState state);

struct BackoffPolicy {
    int initialDelayMs = 1000;       // 1 s, 2 s, 4 s, ... as systemd-style restarts
    int maxDelayMs = 30000;
    int maxConsecutiveFailures = 8;  // then Failed, no more restarts
    int healthyAfterMs = 60000;      // a run this long resets the back-off
    int readyTimeoutMs = 30000;      // socket must answer within this
};

class ContainerdSupervisor : public QObject {
    Q_OBJECT
public:
    explicit ContainerdSupervisor(NodeRuntimeConfig config, BackoffPolicy backoff = {}, QObject *parent = nullptr);
    ~ContainerdSupervisor() override;

    // Prepares the node's dirs, config and bridge, then starts containerd;
    // ready() follows once its socket answers.
    bool start(QString *error);
    // Clean stop (blocking, bounded: seconds): tasks killed and deleted
    // through containerd, containerd ended, then whatever is left of this
    // node's shims, mounts, network namespaces and bridge removed.
    void stop();

    RuntimeState state() const { return state_; }
    int restartCount() const { return restarts_; }
    // How the last containerd ended: "exited with signal 9", "exited with code 1", ...
    const QString &lastExit() const { return lastExit_; }
    // The PID it had (0 when it never started).
    qint64 lastPid() const { return lastPid_; }
    qint64 pid() const { return process_ ? process_->processId() : 0; }
    const NodeRuntimeConfig &config() const { return config_; }
    const NodeRuntimePaths &paths() const { return paths_; }
    const QString &snapshotter() const { return config_.snapshotter; }
    QString bridgeName() const;
    // What the last stop could not remove (empty when it left nothing).
    const QStringList &leftovers() const { return leftovers_; }

signals:
    void stateChanged(timoneiro::runtime::RuntimeState state);
    void ready();
    // containerd ended unexpectedly; it is started again after delayMs.
    // sentence: "containerd (pid 812) exited with signal 9; restarting in 1s".
    void restarting(int restartCount, const QString &lastExit, int delayMs, const QString &sentence);
    // A restarted containerd answers on its socket again (after ready()).
    void restarted(qint64 pid, int restartCount);
    void failed(const QString &reason);

private:
    void launch();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onStartFailed(QProcess::ProcessError error);
    void checkReady();
    void scheduleRestart();
    void setState(RuntimeState state);
    void deleteTasks();
    void sweep();

    NodeRuntimeConfig config_;
    BackoffPolicy backoff_;
    NodeRuntimePaths paths_;
    QProcess *process_ = nullptr;
    QTimer readyPoll_;
    QTimer restartTimer_;
    QElapsedTimer runTime_;
    RuntimeState state_ = RuntimeState::Stopped;
    QString lastExit_;
    qint64 lastPid_ = 0;
    qint64 runningPid_ = 0;  // QProcess forgets the PID once it has ended
    QStringList leftovers_;
    int restarts_ = 0;
    int consecutiveFailures_ = 0;
    bool stopping_ = false;
    bool deafKill_ = false;  // ended by us for not answering
};

}  // namespace timoneiro::runtime
