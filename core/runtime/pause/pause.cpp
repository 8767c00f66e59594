// The pod sandbox's PID 1, as Kubernetes' pause: it holds the pod's
// namespaces, reaps orphaned children (it is their init) and exits on
// SIGINT/SIGTERM. Linked statically so the pause image is this one file.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

namespace {

void onTerminate(int) { _exit(0); }

void onChild(int)
{
    // Reap every exited child: as PID 1 we inherit the pod's orphans.
    while (waitpid(-1, nullptr, WNOHANG) > 0) {}
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "-v") == 0) {
        std::printf("timoneiro-pause\n");
        return 0;
    }
    if (getpid() != 1)
        std::fprintf(stderr, "Warning: pause should be the first process\n");

    struct sigaction terminate {};
    terminate.sa_handler = onTerminate;
    sigaction(SIGINT, &terminate, nullptr);
    sigaction(SIGTERM, &terminate, nullptr);
    struct sigaction child {};
    child.sa_handler = onChild;
    child.sa_flags = SA_NOCLDSTOP;
    sigaction(SIGCHLD, &child, nullptr);

    for (;;)
        pause();
}
