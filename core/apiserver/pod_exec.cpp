#include "pod_exec.h"

#include "spdy_client.h"

#include "api/status.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcExec, "timoneiro.apiserver.exec", QtInfoMsg)

namespace timoneiro::apiserver {

namespace {

enum Channel : quint8 { Stdin = 0, Stdout = 1, Stderr = 2, Status = 3, Resize = 4, CloseStream = 255 };

// One session: the client's WebSocket on one side, the runtime's SPDY
// connection on the other. Lives as a child of the client transport.
class ExecRelay final : public QObject {
public:
    explicit ExecRelay(const ExecSession &s) : QObject(s.client), session_(s), client_(s.client)
    {
        connect(client_, &ByteTransport::received, this, &ExecRelay::fromClient);
        connect(client_, &ByteTransport::closed, this, [this] {
            clientGone_ = true;
            runtime_.close();
        });
        connect(&runtime_, &SpdyClient::upgraded, this, &ExecRelay::openStreams);
        connect(&runtime_, &SpdyClient::failed, this, [this](int status, const QByteArray &body) {
            api::ApiError e = api::ApiError::internal(
                QStringLiteral("error dialing backend: the runtime's streaming server answered %1: %2")
                    .arg(status)
                    .arg(QString::fromUtf8(body.left(512)).trimmed()));
            finish(QJsonDocument(e.toStatus()).toJson(QJsonDocument::Compact));
        });
        connect(&runtime_, &SpdyClient::data, this, &ExecRelay::fromRuntime);
        connect(&runtime_, &SpdyClient::closed, this, [this] { finish(status_); });
        runtime_.open(session_.runtimeUrl, {"v4.channel.k8s.io"});
    }

private:
    void openStreams()
    {
        auto open = [this](const char *type) { return runtime_.openStream({{"streamtype", type}}); };
        // The order client-go's v4 protocol creates them in.
        errorStream_ = open("error");
        if (session_.stdinOpen)
            stdinStream_ = open("stdin");
        if (session_.stdoutOpen)
            stdoutStream_ = open("stdout");
        if (session_.stderrOpen)
            stderrStream_ = open("stderr");
        if (session_.tty)
            resizeStream_ = open("resize");
        streamsOpen_ = true;
        for (const QByteArray &m : std::exchange(pending_, {}))
            fromClient(m);
    }

    void fromClient(const QByteArray &message)
    {
        if (message.isEmpty() || done_)
            return;
        if (!streamsOpen_) {
            pending_ << message;
            return;
        }
        const quint8 channel = quint8(message[0]);
        const QByteArray payload = message.mid(1);
        if (channel == Stdin && stdinStream_ && !stdinClosed_) {
            if (!payload.isEmpty())
                runtime_.write(stdinStream_, payload);
        } else if (channel == Resize && resizeStream_) {
            runtime_.write(resizeStream_, payload);
        } else if (channel == CloseStream && !payload.isEmpty() && quint8(payload[0]) == Stdin && stdinStream_
                   && !stdinClosed_) {
            stdinClosed_ = true;
            runtime_.write(stdinStream_, {}, true);
        }
    }

    void fromRuntime(quint32 stream, const QByteArray &bytes)
    {
        if (done_)
            return;
        if (stream == errorStream_)
            status_ += bytes;
        else if (stream == stdoutStream_)
            client_->write(char(Stdout) + bytes);
        else if (stream == stderrStream_)
            client_->write(char(Stderr) + bytes);
    }

    // The runtime wrote the Status (v4: a metav1.Status, Success or
    // NonZeroExitCode with the ExitCode cause) and closed: the same goes
    // to the client, which ends the session.
    void finish(QByteArray status)
    {
        if (done_)
            return;
        done_ = true;
        if (clientGone_ || !client_)
            return;
        if (status.trimmed().isEmpty())
            status = R"({"metadata":{},"status":"Success"})";
        qCDebug(lcExec).noquote() << "exec ended:" << status;
        client_->write(char(Status) + status.trimmed());
        client_->close();
    }

    ExecSession session_;
    QPointer<ByteTransport> client_;
    SpdyClient runtime_{this};
    QList<QByteArray> pending_;
    QByteArray status_;
    quint32 errorStream_ = 0, stdinStream_ = 0, stdoutStream_ = 0, stderrStream_ = 0, resizeStream_ = 0;
    bool streamsOpen_ = false;
    bool stdinClosed_ = false;
    bool clientGone_ = false;
    bool done_ = false;
};

}  // namespace

void serveExec(const ExecSession &session)
{
    new ExecRelay(session);
}

}  // namespace timoneiro::apiserver
