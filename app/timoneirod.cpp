// timoneirod: the orchestration core, headless. `timoneirod [options]` runs
// the cluster; `timoneirod kubeconfig ...` mints credentials for it.
#include "commands.h"

#include <QCoreApplication>

#include <cstring>

int main(int argc, char **argv)
{
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} "
                                      "%{if-debug}D%{endif}%{if-info}I%{endif}%{if-warning}W%{endif}"
                                      "%{if-critical}E%{endif}%{if-fatal}F%{endif} %{category}: %{message}"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timoneirod"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIMONEIRO_VERSION " (Kubernetes API v1.32)"));
    if (argc > 1 && std::strcmp(argv[1], "kubeconfig") == 0)
        return runKubeconfigCommand(app);
    return runDaemon(app);
}
