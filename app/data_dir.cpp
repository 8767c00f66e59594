// Where a cluster keeps its data, shared by timoneirod and the desktop app.
#include "commands.h"

#include <QStandardPaths>
#include <QString>

#include <unistd.h>

QString defaultDataDir(const QString &name)
{
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/timoneiro/") + name;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/timoneiro/") + name;
}
