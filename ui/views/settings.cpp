#include "settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace timoneiro::ui {

namespace {
constexpr char kLanguageKey[] = "ui/language";

struct Installed {
    QString code = QStringLiteral("en");
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;  // Qt's own texts (dialog buttons)
};

Installed &installed()
{
    static Installed i;
    return i;
}
}  // namespace

QList<QPair<QString, QString>> Language::available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("pt_BR"), QStringLiteral("Português (Brasil)")}};
}

QString Language::current()
{
    return installed().code;
}

bool Language::apply(const QString &code, const QString &dir)
{
    Installed &i = installed();
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    if (code != QLatin1String("en")) {
        app = std::make_unique<QTranslator>();
        if (!app->load(QStringLiteral("timoneiro_") + code, dir))
            return false;
        qt = std::make_unique<QTranslator>();
        if (!qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qt.reset();
    }
    // Each install/remove sends LanguageChange; the windows coalesce them.
    if (i.app)
        QCoreApplication::removeTranslator(i.app.get());
    if (i.qt)
        QCoreApplication::removeTranslator(i.qt.get());
    i.app = std::move(app);
    i.qt = std::move(qt);
    if (i.qt)
        QCoreApplication::installTranslator(i.qt.get());
    if (i.app)
        QCoreApplication::installTranslator(i.app.get());
    i.code = code;
    return true;
}

QString Language::saved()
{
    const QString code = QSettings().value(QLatin1String(kLanguageKey)).toString();
    for (const auto &l : available())
        if (l.first == code)
            return code;
    return QLocale().name().startsWith(QLatin1String("pt")) ? QStringLiteral("pt_BR") : QStringLiteral("en");
}

void Language::save(const QString &code)
{
    QSettings().setValue(QLatin1String(kLanguageKey), code);
}

}  // namespace timoneiro::ui
