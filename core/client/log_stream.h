#pragma once
// A pod container's log as kubectl logs -f reads it: GET
// /api/v1/namespaces/NS/pods/NAME/log?container=C&follow=true, the body
// streamed as it grows. Text arrives as signals on the owner's thread;
// destroying the stream closes the connection.
#include "client.h"

#include <QObject>

namespace timoneiro::client {

struct LogOptions {
    QString container;      // empty: the pod's only container (the server decides)
    bool follow = true;
    qint64 tailLines = -1;  // -1: the whole log
    bool timestamps = false;
    bool previous = false;  // the last terminated instance of the container
};

class LogStream : public QObject {
    Q_OBJECT
public:
    LogStream(Client &client, const QString &namespaceName, const QString &pod, const LogOptions &options,
              QObject *parent = nullptr);
    ~LogStream() override;

    // The request's path and query, as sent (for messages and tests).
    static QString path(const QString &namespaceName, const QString &pod);
    static QList<QPair<QString, QString>> query(const LogOptions &options);

    void start();
    bool running() const { return running_; }

signals:
    // Complete lines, UTF-8 decoded; a partial last line waits for its end.
    void text(const QString &lines);
    // The server ended the stream (the container stopped) or refused it.
    void finished(const std::optional<timoneiro::api::ApiError> &error);

private:
    void onData(const QByteArray &data);
    void onEnd(const std::optional<api::ApiError> &error);

    Client &client_;
    QString namespace_;
    QString pod_;
    LogOptions options_;
    std::unique_ptr<WatchHandle> handle_;
    QByteArray partial_;
    bool running_ = false;
};

}  // namespace timoneiro::client
