#pragma once
// timoneirod's subcommands; each returns the process exit code.
class QCoreApplication;
class QString;

// timoneirod [options]: the cluster's core, until SIGTERM/SIGINT.
int runDaemon(QCoreApplication &app);
// timoneirod kubeconfig --user NAME [--group G]...: mints a kubeconfig.
int runKubeconfigCommand(QCoreApplication &app);
// Where a cluster named name keeps its data by default.
QString defaultDataDir(const QString &name);
