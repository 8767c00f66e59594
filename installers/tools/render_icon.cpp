// Build-time tool: renders the SVG icon to the PNG sizes of the hicolor
// theme, so the PNGs are never committed and never drift from the SVG.
// render_icon <in.svg> <out-dir> <size>...  writes <out-dir>/<size>/timoneiro.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    // Offscreen: runs on build machines without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: render_icon <in.svg> <out-dir> <size>...\n");
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        std::fprintf(stderr, "render_icon: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    for (const QString &arg : args.mid(3)) {
        const int size = arg.toInt();
        if (size <= 0 || size > 4096) {
            std::fprintf(stderr, "render_icon: bad size %s\n", qPrintable(arg));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QString dir = QStringLiteral("%1/%2").arg(args.at(2), arg);
        if (!QDir().mkpath(dir) || !image.save(dir + QStringLiteral("/timoneiro.png"))) {
            std::fprintf(stderr, "render_icon: cannot write %s/timoneiro.png\n", qPrintable(dir));
            return 1;
        }
    }
    return 0;
}
