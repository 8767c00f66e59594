#pragma once
// Starts a real timoneirod for a test: a free port, a temporary data dir,
// stopped by PID (SIGTERM, then SIGKILL) when the object goes, also when the
// test fails.
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace timoneiro::testing {

class TimoneirodProcess {
public:
    explicit TimoneirodProcess(QStringList extraArgs = {});
    ~TimoneirodProcess();

    // Starts it and waits until it prints where it listens. False on failure (see log()).
    bool start(const QString &dataDir = {});
    // SIGTERM and wait; returns the exit code (-1 if it had to be killed).
    int stop();
    // SIGKILL, no cleanup: for crash tests.
    void kill();

    QString server() const { return server_; }          // https://127.0.0.1:PORT
    QString kubeconfig() const { return kubeconfig_; }
    QString dataDir() const { return dataDir_; }
    qint64 pid() const;
    QString log() const;                                  // what it printed so far
    // TLS as the admin kubeconfig configures it: the cluster CA and the
    // admin's client certificate (system:masters).
    QSslConfiguration adminTls() const { return tlsFromKubeconfig(kubeconfig_); }
    // TLS that verifies the server but presents no client certificate.
    QSslConfiguration anonymousTls() const;
    // Runs `timoneirod kubeconfig --user ...` for this cluster; returns the file.
    QString mintKubeconfig(const QString &user, const QStringList &groups) const;

    static QSslConfiguration tlsFromKubeconfig(const QString &path);

private:
    QStringList extraArgs_;
    std::unique_ptr<QTemporaryDir> tempDir_;
    std::unique_ptr<QProcess> process_;
    QString dataDir_;
    QString server_;
    QString kubeconfig_;
    mutable QByteArray output_;
};

struct CommandResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real kubectl against a kubeconfig, with a private HOME and
// discovery cache so runs never share state.
class Kubectl {
public:
    explicit Kubectl(QString kubeconfig);
    static QString path();  // /usr/bin/kubectl or from PATH; empty if none
    CommandResult run(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60000) const;
    // `kubectl <args> -o json` as an object; an empty one when kubectl fails.
    QJsonObject json(const QStringList &args) const;
    // Starts a long-running kubectl (get -w); the caller reads and kills it.
    std::unique_ptr<QProcess> start(const QStringList &args) const;

private:
    QProcessEnvironment environment() const;
    QString kubeconfig_;
    std::shared_ptr<QTemporaryDir> home_;
};

}  // namespace timoneiro::testing
