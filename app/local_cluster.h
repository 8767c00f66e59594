#pragma once
// Starts the default local cluster for the desktop app: a timoneirod child
// process (simulated nodes until containerd nodes land), and tells when its
// kubeconfig is ready -- or reuses a local cluster that is already running.
#include <QObject>
#include <QProcess>

class LocalCluster : public QObject {
    Q_OBJECT
public:
    explicit LocalCluster(QObject *parent = nullptr);
    ~LocalCluster() override;

    void start();
    QString kubeconfig() const { return kubeconfig_; }

signals:
    void progress(const QString &message);
    void ready(const QString &kubeconfig);
    void failed(const QString &message);

private:
    QProcess process_;
    QByteArray output_;
    QString dataDir_;
    QString kubeconfig_;
};
