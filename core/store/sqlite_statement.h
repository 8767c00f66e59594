#pragma once
// A prepared SQLite statement with Qt-typed binding; the store keeps one per
// query for the life of its connection.
#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace timoneiro::store {

class Statement {
public:
    Statement() = default;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { sqlite3_finalize(stmt_); }

    bool prepare(sqlite3 *db, const char *sql)
    {
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) == SQLITE_OK;
    }
    // Clears bindings and results so the statement can run again.
    Statement &reset()
    {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        return *this;
    }
    Statement &bind(int i, qint64 v) { sqlite3_bind_int64(stmt_, i, v); return *this; }
    Statement &bind(int i, const QString &v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(stmt_, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bindBlob(int i, const QByteArray &v)
    {
        sqlite3_bind_blob(stmt_, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(stmt_); }

    qint64 int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    QString text(int col) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt_, col)),
                                 sqlite3_column_bytes(stmt_, col));
    }
    QByteArray blob(int col) const
    {
        const void *p = sqlite3_column_blob(stmt_, col);
        return p ? QByteArray(static_cast<const char *>(p), sqlite3_column_bytes(stmt_, col)) : QByteArray();
    }

private:
    sqlite3_stmt *stmt_ = nullptr;
};

}  // namespace timoneiro::store
