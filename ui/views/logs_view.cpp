#include "logs_view.h"

#include "api/object.h"
#include "client/log_stream.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace timoneiro::ui {

LogsView::LogsView(client::Client &client, QWidget *parent) : QWidget(parent), client_(client)
{
    containers_ = new QComboBox;
    follow_ = new QCheckBox(tr("Follow"));
    follow_->setChecked(true);
    restart_ = new QPushButton(tr("Reload"));
    banner_ = new QLabel;
    banner_->setWordWrap(true);
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner_->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; padding: 6px; border: 1px solid #e0a0a0; }"));
    banner_->hide();
    text_ = new QPlainTextEdit;
    text_->setReadOnly(true);
    text_->setMaximumBlockCount(kMaxBlocks);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Container:")));
    bar->addWidget(containers_);
    bar->addWidget(follow_);
    bar->addWidget(restart_);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(banner_);
    layout->addWidget(text_);

    connect(containers_, &QComboBox::activated, this, &LogsView::start);
    connect(follow_, &QCheckBox::toggled, this, &LogsView::start);
    connect(restart_, &QPushButton::clicked, this, &LogsView::start);
}

LogsView::~LogsView() = default;

void LogsView::setPod(const QJsonObject &pod)
{
    const QString ns = api::namespaceOf(pod);
    const QString name = api::nameOf(pod);
    QStringList names;
    for (const char *field : {"containers", "initContainers", "ephemeralContainers"})
        for (const QJsonValue &c : api::specOf(pod).value(QLatin1String(field)).toArray())
            names << c.toObject().value(QStringLiteral("name")).toString();
    if (ns == namespace_ && name == pod_ && names == containers())
        return;  // the same pod changed status: keep streaming
    stop();
    namespace_ = ns;
    pod_ = name;
    containers_->clear();
    containers_->addItems(names);
    text_->clear();
    banner_->hide();
}

QStringList LogsView::containers() const
{
    QStringList names;
    for (int i = 0; i < containers_->count(); ++i)
        names << containers_->itemText(i);
    return names;
}

void LogsView::setContainer(const QString &name)
{
    containers_->setCurrentIndex(std::max(0, containers_->findText(name)));
    start();
}

void LogsView::start()
{
    if (pod_.isEmpty())
        return;
    stop();
    text_->clear();
    banner_->hide();
    client::LogOptions options;
    options.container = containers_->currentText();
    options.follow = follow_->isChecked();
    stream_ = std::make_unique<client::LogStream>(client_, namespace_, pod_, options);
    connect(stream_.get(), &client::LogStream::text, this, [this](const QString &lines) {
        QScrollBar *bar = text_->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        text_->moveCursor(QTextCursor::End);
        text_->insertPlainText(lines);
        if (atEnd)
            bar->setValue(bar->maximum());  // follow the tail unless the reader scrolled up
    });
    connect(stream_.get(), &client::LogStream::finished, this, &LogsView::finished);
    stream_->start();
}

void LogsView::stop()
{
    stream_.reset();
}

void LogsView::finished(const std::optional<api::ApiError> &error)
{
    if (!error) {
        if (follow_->isChecked())
            text_->appendPlainText(tr("— the log ended (the container stopped or the server closed the stream) —"));
        return;
    }
    banner_->setText(tr("The server refused the log of %1/%2 (%3 %4): %5")
                         .arg(namespace_, pod_)
                         .arg(error->code)
                         .arg(error->reason, error->message));
    banner_->show();
}

QString LogsView::text() const
{
    return text_->toPlainText();
}

QString LogsView::errorText() const
{
    return banner_->isVisibleTo(this) ? banner_->text() : QString();
}

bool LogsView::streaming() const
{
    return stream_ && stream_->running();
}

}  // namespace timoneiro::ui
