#pragma once
// The app's settings that outlive a session (QSettings): the interface
// language, switched live -- the translator is replaced and every window
// receives QEvent::LanguageChange to retranslate itself.
#include <QList>
#include <QPair>
#include <QString>

namespace timoneiro::ui {

class Language {
public:
    // (code, name in that language): en English, pt_BR Português (Brasil).
    static QList<QPair<QString, QString>> available();
    // The language in use ("en" until one is applied).
    static QString current();
    // Installs the translation of code from dir (the app's :/i18n by default);
    // "en" removes it (the source texts are English). False when the
    // translation cannot be loaded (the language stays as it was).
    static bool apply(const QString &code, const QString &dir = QStringLiteral(":/i18n"));
    // The saved choice, or the system's language when none was saved.
    static QString saved();
    static void save(const QString &code);
};

}  // namespace timoneiro::ui
