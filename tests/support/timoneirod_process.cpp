#include "timoneirod_process.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

#include <csignal>

namespace timoneiro::testing {

TimoneirodProcess::TimoneirodProcess(QStringList extraArgs) : extraArgs_(std::move(extraArgs)) {}

TimoneirodProcess::~TimoneirodProcess()
{
    stop();
}

bool TimoneirodProcess::start(const QString &dataDir)
{
    if (dataDir.isEmpty()) {
        if (!tempDir_)
            tempDir_ = std::make_unique<QTemporaryDir>();
        dataDir_ = tempDir_->path() + QStringLiteral("/data");
    } else {
        dataDir_ = dataDir;
    }
    process_ = std::make_unique<QProcess>();
    process_->setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("--data-dir"), dataDir_, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    // Tests say which nodes they want: none unless they ask (the default
    // would start containerd nodes on a machine that can run them).
    if (!extraArgs_.contains(QStringLiteral("--nodes")))
        args << QStringLiteral("--nodes") << QStringLiteral("0");
    args << extraArgs_;
    process_->start(QStringLiteral(TIMONEIROD_PATH), args);
    if (!process_->waitForStarted(10000))
        return false;
    static const QRegularExpression serverRe(QStringLiteral("API server on (http\\S+)"));
    static const QRegularExpression kubeconfigRe(QStringLiteral("kubeconfig: (\\S+)"));
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!process_->waitForReadyRead(200) && process_->state() != QProcess::Running)
            break;
        output_ += process_->readAll();
        const QString text = QString::fromUtf8(output_);
        auto s = serverRe.match(text);
        auto k = kubeconfigRe.match(text);
        if (s.hasMatch() && k.hasMatch()) {
            server_ = s.captured(1);
            kubeconfig_ = k.captured(1);
            return true;
        }
    }
    output_ += process_->readAll();
    return false;
}

int TimoneirodProcess::stop()
{
    if (!process_ || process_->state() == QProcess::NotRunning)
        return process_ ? process_->exitCode() : 0;
    ::kill(pid_t(process_->processId()), SIGTERM);
    if (!process_->waitForFinished(15000)) {
        process_->kill();
        process_->waitForFinished(5000);
        output_ += process_->readAll();
        return -1;
    }
    output_ += process_->readAll();
    return process_->exitStatus() == QProcess::NormalExit ? process_->exitCode() : -1;
}

void TimoneirodProcess::kill()
{
    if (process_ && process_->state() != QProcess::NotRunning) {
        process_->kill();
        process_->waitForFinished(5000);
    }
}

qint64 TimoneirodProcess::pid() const
{
    return process_ ? process_->processId() : 0;
}

QSslConfiguration TimoneirodProcess::tlsFromKubeconfig(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    const QString text = QString::fromUtf8(f.readAll());
    auto field = [&](const char *name) {
        const QRegularExpression re(QStringLiteral("%1: (\\S+)").arg(QLatin1String(name)));
        return QByteArray::fromBase64(re.match(text).captured(1).toLatin1());
    };
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(field("certificate-authority-data")));
    const QByteArray cert = field("client-certificate-data");
    if (!cert.isEmpty()) {
        tls.setLocalCertificate(QSslCertificate(cert));
        tls.setPrivateKey(QSslKey(field("client-key-data"), QSsl::Ec));
    }
    return tls;
}

QSslConfiguration TimoneirodProcess::anonymousTls() const
{
    QSslConfiguration tls = adminTls();
    tls.setLocalCertificate(QSslCertificate());
    tls.setPrivateKey(QSslKey());
    return tls;
}

QString TimoneirodProcess::mintKubeconfig(const QString &user, const QStringList &groups) const
{
    const QString out = dataDir_ + QStringLiteral("/kubeconfig-") + user;
    QStringList args{QStringLiteral("kubeconfig"), QStringLiteral("--data-dir"), dataDir_, QStringLiteral("--user"), user,
                     QStringLiteral("-o"), out};
    for (const QString &g : groups)
        args << QStringLiteral("--group") << g;
    QProcess p;
    p.start(QStringLiteral(TIMONEIROD_PATH), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return out;
}

QString TimoneirodProcess::log() const
{
    if (process_)
        output_ += process_->readAll();
    return QString::fromUtf8(output_);
}

Kubectl::Kubectl(QString kubeconfig) : kubeconfig_(std::move(kubeconfig)), home_(std::make_shared<QTemporaryDir>()) {}

QString Kubectl::path()
{
    if (QFile::exists(QStringLiteral("/usr/bin/kubectl")))
        return QStringLiteral("/usr/bin/kubectl");
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

QProcessEnvironment Kubectl::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig_);
    env.insert(QStringLiteral("HOME"), home_->path());
    env.insert(QStringLiteral("KUBECACHEDIR"), home_->path() + QStringLiteral("/cache"));
    env.remove(QStringLiteral("KUBECTL_EXTERNAL_DIFF"));
    return env;
}

CommandResult Kubectl::run(const QStringList &args, const QByteArray &stdinData, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(path(), args);
    CommandResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("(timed out) ");
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err += QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject Kubectl::json(const QStringList &args) const
{
    const CommandResult r = run(args + QStringList{QStringLiteral("-o"), QStringLiteral("json")});
    return r.exitCode == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).object() : QJsonObject();
}

std::unique_ptr<QProcess> Kubectl::start(const QStringList &args) const
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(environment());
    p->start(path(), args);
    p->waitForStarted(10000);
    return p;
}

}  // namespace timoneiro::testing
