#pragma once
// Pieces the benchmarks share: one blocking HTTPS request on a thread's own
// network manager, many of them over several threads, a watch read on a
// thread of its own, percentiles, and a process's memory from /proc. Header-only because every
// tests/bench/bench_*.cpp is built as an executable of its own.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace timoneiro::bench {

// The benchmark's client credentials for the cluster under test, set once
// the server is up. Made on first use, after QCoreApplication: Qt's TLS
// backend cannot load at static initialisation.
inline QSslConfiguration &gTls()
{
    static QSslConfiguration tls;
    return tls;
}

struct Reply {
    int status = 0;  // 0: no answer (connection error or timeout)
    QByteArray body;
};

// One request on this thread's manager, waited for at most timeoutMs.
inline Reply request(QNetworkAccessManager &nam, const QSslConfiguration &tls, const QByteArray &method, const QUrl &url,
                     const QByteArray &body = {}, int timeoutMs = 60000)
{
    QNetworkRequest req(url);
    req.setSslConfiguration(tls);
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    req.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return r;
}

// A watch (?watch=true) read on a thread of its own, so the benchmark's
// own requests never delay what it observes: each event goes to onEvent()
// on that thread. A subclass calls stop() in its destructor, before its
// members go.
class WatchThread : public QThread {
public:
    WatchThread(QUrl url, QSslConfiguration tls) : url_(std::move(url)), tls_(std::move(tls)) {}
    ~WatchThread() override { stop(); }
    std::atomic<bool> open{false};  // the server answered the watch

    void stop()
    {
        requestInterruption();
        wait();
    }

protected:
    virtual void onEvent(const QString &type, const QJsonObject &object) = 0;

    void run() override
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(url_);
        req.setSslConfiguration(tls_);
        QNetworkReply *reply = nam.get(req);
        QByteArray buffer;
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [this] { open = true; });
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
            buffer += reply->readAll();
            qsizetype start = 0, nl;
            while ((nl = buffer.indexOf('\n', start)) >= 0) {
                const QJsonObject ev = QJsonDocument::fromJson(buffer.mid(start, nl - start)).object();
                start = nl + 1;
                onEvent(ev.value(QStringLiteral("type")).toString(), ev.value(QStringLiteral("object")).toObject());
            }
            buffer.remove(0, start);
        });
        QTimer poll;
        QEventLoop loop;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (isInterruptionRequested() || reply->isFinished())
                loop.quit();
        });
        poll.start(50);
        loop.exec();
        reply->abort();
        reply->deleteLater();
    }

private:
    QUrl url_;
    QSslConfiguration tls_;
};

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

inline double secondsOf(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

struct RunResult {
    double seconds = 0;
    int failures = 0;
    std::vector<double> latenciesMs;  // of each work item
};

// Runs work(nam, i) for i in [0, count) on `clients` threads, each with its
// own manager (client i takes every clients-th item). work returns false
// for a failed item.
inline RunResult runParallel(int clients, int count, const std::function<bool(QNetworkAccessManager &, int)> &work)
{
    struct Worker {
        std::unique_ptr<QThread> thread;
        std::vector<double> latencies;
        int failures = 0;
    };
    std::vector<Worker> workers(size_t(std::max(1, clients)));
    QElapsedTimer t;
    t.start();
    for (size_t c = 0; c < workers.size(); ++c) {
        Worker &w = workers[c];
        w.thread.reset(QThread::create([&w, &work, c, count, n = int(workers.size())] {
            QNetworkAccessManager nam;
            for (int i = int(c); i < count; i += n) {
                QElapsedTimer one;
                one.start();
                if (!work(nam, i))
                    ++w.failures;
                w.latencies.push_back(double(one.nsecsElapsed()) / 1e6);
            }
        }));
        w.thread->start();
    }
    RunResult r;
    for (Worker &w : workers) {
        w.thread->wait();
        r.failures += w.failures;
        r.latenciesMs.insert(r.latenciesMs.end(), w.latencies.begin(), w.latencies.end());
    }
    r.seconds = secondsOf(t);
    return r;
}

struct ProcessMemory {
    qint64 rssKb = 0;  // VmRSS: resident now
    qint64 hwmKb = 0;  // VmHWM: the most it was resident
};

inline ProcessMemory processMemory(qint64 pid)
{
    ProcessMemory m;
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray &line : f.readAll().split('\n')) {
        auto value = [&line] { return line.mid(6).trimmed().split(' ').value(0).toLongLong(); };
        if (line.startsWith("VmRSS:"))
            m.rssKb = value();
        else if (line.startsWith("VmHWM:"))
            m.hwmKb = value();
    }
    return m;
}

// Waits (processing this thread's events) until done() or timeoutMs passed;
// true when done() became true.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs, int pollMs = 50)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() >= timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(pollMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

}  // namespace timoneiro::bench
