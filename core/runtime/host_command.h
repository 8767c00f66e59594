#pragma once
// Runs a host tool (ctr, ip, ldd, dpkg-deb, ...) to completion with a time
// bound. For setup and teardown steps off the GUI thread, never for a loop.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace timoneiro::runtime {

struct CommandResult {
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool ok() const { return started && exitCode == 0; }
    // "ctr: <stderr>" for messages.
    QString describe(const QString &program) const;
};

CommandResult runCommand(const QString &program, const QStringList &args, int timeoutMs = 60000,
                         const QString &workingDir = {});

}  // namespace timoneiro::runtime
