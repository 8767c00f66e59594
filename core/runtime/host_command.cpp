#include "host_command.h"

#include <QProcess>

namespace timoneiro::runtime {

QString CommandResult::describe(const QString &program) const
{
    if (!started)
        return QStringLiteral("%1: could not be started").arg(program);
    const QString detail = QString::fromUtf8(err.trimmed().isEmpty() ? out.trimmed() : err.trimmed());
    return QStringLiteral("%1 exited with %2: %3").arg(program).arg(exitCode).arg(detail);
}

CommandResult runCommand(const QString &program, const QStringList &args, int timeoutMs, const QString &workingDir)
{
    CommandResult result;
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return result;
    result.started = true;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "timed out";
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

}  // namespace timoneiro::runtime
