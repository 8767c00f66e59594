#include "local_cluster.h"

#include "commands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <csignal>

LocalCluster::LocalCluster(QObject *parent) : QObject(parent)
{
    dataDir_ = defaultDataDir(QStringLiteral("local"));
    process_.setProcessChannelMode(QProcess::MergedChannels);
    connect(&process_, &QProcess::readyRead, this, [this] {
        output_ += process_.readAll();
        static const QRegularExpression re(QStringLiteral("kubeconfig: (\\S+)"));
        static const QRegularExpression nodesRe(QStringLiteral("nodes: +([^\\n]+)"));
        const auto m = re.match(QString::fromUtf8(output_));
        if (m.hasMatch() && kubeconfig_.isEmpty()) {
            kubeconfig_ = m.captured(1);
            emit ready(kubeconfig_);
            // Which nodes it started, and why not containerd ones when it could not.
            if (const auto nodes = nodesRe.match(QString::fromUtf8(output_)); nodes.hasMatch())
                emit progress(tr("Local cluster: %1").arg(nodes.captured(1)));
        }
    });
    connect(&process_, &QProcess::finished, this, [this](int code) {
        if (!kubeconfig_.isEmpty())
            return;
        // Another timoneirod already serves this cluster: use it.
        const QString existing = dataDir_ + QStringLiteral("/kubeconfig");
        if (QFileInfo::exists(existing)) {
            kubeconfig_ = existing;
            emit ready(existing);
            return;
        }
        emit failed(tr("The local cluster did not start (exit code %1):\n%2").arg(code).arg(QString::fromUtf8(output_.right(2000))));
    });
}

LocalCluster::~LocalCluster()
{
    if (process_.state() != QProcess::NotRunning) {
        ::kill(pid_t(process_.processId()), SIGTERM);
        if (!process_.waitForFinished(10000))
            process_.kill();
    }
}

void LocalCluster::start()
{
    const QString daemon = QCoreApplication::applicationDirPath() + QStringLiteral("/timoneirod");
    // Installed from the package: the system service, started through
    // polkit as this user (installers/timoneiro-cluster prints the same
    // nodes: and kubeconfig: lines); the GUI never runs as root.
    const QString service = QCoreApplication::applicationDirPath() + QStringLiteral("/../lib/timoneiro/timoneiro-cluster");
    if (QFileInfo(service).isExecutable()) {
        emit progress(tr("Starting the local cluster (the timoneirod system service)…"));
        process_.start(service, {QStringLiteral("start")});
        return;
    }
    // timoneirod picks the nodes: containerd ones when this machine can run
    // them (root, containerd), simulated ones otherwise, and says which.
    emit progress(tr("Starting the local cluster (containerd nodes when this machine can run them, simulated nodes otherwise)…"));
    process_.start(daemon, {QStringLiteral("--data-dir"), dataDir_});
}
