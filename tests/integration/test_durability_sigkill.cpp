// Every write acknowledged to a client survives a SIGKILL of timoneirod:
// concurrent writers over HTTPS, a kill mid-stream, a restart on the same
// data dir, then every acknowledged object is read back and the store's
// revisions are checked for consistency.
#include "timoneirod_process.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using timoneiro::testing::TimoneirodProcess;

namespace {

int send(QNetworkAccessManager &nam, const QSslConfiguration &tls, const QByteArray &method, const QString &url,
         const QByteArray &body, QByteArray *out = nullptr)
{
    QNetworkRequest req{QUrl(url)};
    req.setSslConfiguration(tls);
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    req.setTransferTimeout(20000);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (out)
        *out = reply->readAll();
    reply->deleteLater();
    return status;
}

}  // namespace

class Durability : public QObject {
    Q_OBJECT

private slots:
    void acknowledgedWritesSurviveSigkill()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        TimoneirodProcess first;
        QVERIFY2(first.start(data), qPrintable(first.log()));
        const QString base = first.server();
        const QSslConfiguration tls = first.adminTls();

        QMutex mutex;
        QSet<QString> acknowledged;
        std::atomic<bool> stop{false};
        QList<QThread *> writers;
        for (int w = 0; w < 4; ++w) {
            writers.append(QThread::create([&, w] {
                QNetworkAccessManager nam;
                for (int i = 0; i < 100000 && !stop; ++i) {
                    const QString name = QStringLiteral("w%1-%2").arg(w).arg(i);
                    const QByteArray body = QJsonDocument(QJsonObject{
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                        {QStringLiteral("data"), QJsonObject{{QStringLiteral("payload"), QString(512, QLatin1Char('x'))}}}})
                                                .toJson(QJsonDocument::Compact);
                    if (send(nam, tls, "POST", base + QStringLiteral("/api/v1/namespaces/default/configmaps"), body) == 201) {
                        QMutexLocker lock(&mutex);
                        acknowledged.insert(name);
                    }
                }
            }));
            writers.last()->start();
        }
        // Kill it once it is well into the stream.
        for (int i = 0; i < 600; ++i) {
            QThread::msleep(50);
            QMutexLocker lock(&mutex);
            if (acknowledged.size() >= 400)
                break;
        }
        first.kill();
        stop = true;
        for (QThread *t : writers) {
            t->wait();
            delete t;
        }
        QVERIFY2(acknowledged.size() >= 100, qPrintable(QString::number(acknowledged.size())));

        TimoneirodProcess second;
        QVERIFY2(second.start(data), qPrintable(second.log()));
        QNetworkAccessManager nam;
        QByteArray body;
        QCOMPARE(send(nam, second.adminTls(), "GET", second.server() + QStringLiteral("/api/v1/namespaces/default/configmaps"),
                      {}, &body),
                 200);
        const QJsonObject list = QJsonDocument::fromJson(body).object();
        const qint64 listRevision = list.value(QStringLiteral("metadata")).toObject()
                                        .value(QStringLiteral("resourceVersion")).toString().toLongLong();
        QSet<QString> present;
        QSet<qint64> revisions;
        for (const QJsonValue &v : list.value(QStringLiteral("items")).toArray()) {
            const QJsonObject cm = v.toObject();
            const QJsonObject meta = cm.value(QStringLiteral("metadata")).toObject();
            if (!meta.value(QStringLiteral("name")).toString().startsWith(QLatin1Char('w')))
                continue;  // the cluster's own (kube-root-ca.crt)
            present.insert(meta.value(QStringLiteral("name")).toString());
            // No half-written object: every one is whole.
            QCOMPARE(cm.value(QStringLiteral("data")).toObject().value(QStringLiteral("payload")).toString().size(), 512);
            const qint64 rv = meta.value(QStringLiteral("resourceVersion")).toString().toLongLong();
            QVERIFY(rv > 0 && rv <= listRevision);
            QVERIFY2(!revisions.contains(rv), "two objects share a revision");
            revisions.insert(rv);
        }
        for (const QString &name : std::as_const(acknowledged))
            QVERIFY2(present.contains(name), qPrintable(name + QStringLiteral(" was acknowledged and is gone")));
        // The revision counter goes on from where it was.
        QByteArray created;
        QCOMPARE(send(nam, second.adminTls(), "POST", second.server() + QStringLiteral("/api/v1/namespaces/default/configmaps"),
                      R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"after"}})", &created),
                 201);
        const qint64 after = QJsonDocument::fromJson(created).object().value(QStringLiteral("metadata")).toObject()
                                 .value(QStringLiteral("resourceVersion")).toString().toLongLong();
        QVERIFY(after > listRevision);
        qInfo("%lld writes acknowledged before the kill, all %lld present after restart",
              qint64(acknowledged.size()), qint64(present.size()));
    }
};

QTEST_GUILESS_MAIN(Durability)
#include "test_durability_sigkill.moc"
