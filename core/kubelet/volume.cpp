#include "volume.h"
#include "json_fields.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <sys/stat.h>

namespace timoneiro::kubelet {

namespace {

QJsonArray volumes(const QJsonObject &pod)
{
    return obj(pod, "spec").value(QStringLiteral("volumes")).toArray();
}

void addOnce(QStringList &out, const QString &name)
{
    if (!name.isEmpty() && !out.contains(name))
        out << name;
}

QStringList refs(const QJsonObject &pod, const char *kind)
{
    QStringList out;
    for (const QJsonValue &v : volumes(pod)) {
        const QJsonObject vol = v.toObject();
        addOnce(out, str(obj(vol, kind), "name"));
        for (const QJsonValue &s : obj(vol, "projected").value(QStringLiteral("sources")).toArray())
            addOnce(out, str(obj(s.toObject(), kind), "name"));
    }
    return out;
}

// A relative path inside the volume: no absolute path, no "..".
bool safeRelative(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')))
        return false;
    for (const QString &part : path.split(QLatin1Char('/')))
        if (part == QLatin1String(".."))
            return false;
    return true;
}

struct File {
    QString path;
    QByteArray data;
    int mode = 0644;
};

int modeOf(const QJsonObject &o, int fallback)
{
    return o.contains(QStringLiteral("mode")) ? o.value(QStringLiteral("mode")).toInt() : fallback;
}

// The files of a ConfigMap or Secret source: every key, or only its items.
bool keyFiles(const QJsonObject &source, const EnvSources &sources, bool secret, int defaultMode,
              QList<File> &out, QString *error)
{
    const QString name = secret && source.contains(QStringLiteral("secretName")) ? str(source, "secretName") : str(source, "name");
    const bool optional = source.value(QStringLiteral("optional")).toBool();
    const auto &pool = secret ? sources.secrets : sources.configMaps;
    if (!pool.contains(name)) {
        if (optional)
            return true;
        *error = QStringLiteral("%1 \"%2\" not found").arg(secret ? QStringLiteral("secret") : QStringLiteral("configmap"), name);
        return false;
    }
    const QJsonObject object = pool.value(name);
    QHash<QString, QByteArray> data;
    const QJsonObject text = obj(object, "data");
    for (auto it = text.begin(); it != text.end(); ++it)
        data.insert(it.key(), secret ? QByteArray::fromBase64(it.value().toString().toLatin1()) : it.value().toString().toUtf8());
    const QJsonObject binary = obj(object, "binaryData");
    for (auto it = binary.begin(); it != binary.end(); ++it)
        data.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    const QJsonArray items = source.value(QStringLiteral("items")).toArray();
    if (items.isEmpty()) {
        for (auto it = data.cbegin(); it != data.cend(); ++it)
            out.append({it.key(), it.value(), defaultMode});
        return true;
    }
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QString key = str(item, "key");
        if (!data.contains(key)) {
            if (optional)
                continue;
            *error = QStringLiteral("configmap references non-existent config key: %1").arg(key);
            if (secret)
                *error = QStringLiteral("secret references non-existent secret key: %1").arg(key);
            return false;
        }
        out.append({str(item, "path"), data.value(key), modeOf(item, defaultMode)});
    }
    return true;
}

QByteArray mapText(const QJsonObject &map)
{
    QStringList lines;
    for (auto it = map.begin(); it != map.end(); ++it)
        lines << QStringLiteral("%1=\"%2\"").arg(it.key(), it.value().toString().replace(QLatin1Char('"'), QStringLiteral("\\\"")));
    lines.sort();
    return lines.join(QLatin1Char('\n')).toUtf8();
}

bool downwardFiles(const QJsonObject &pod, const QJsonObject &source, int defaultMode, QList<File> &out, QString *error)
{
    const QJsonObject meta = obj(pod, "metadata");
    for (const QJsonValue &v : source.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        const QString field = str(obj(item, "fieldRef"), "fieldPath");
        QByteArray value;
        if (field == QLatin1String("metadata.name"))
            value = str(meta, "name").toUtf8();
        else if (field == QLatin1String("metadata.namespace"))
            value = str(meta, "namespace").toUtf8();
        else if (field == QLatin1String("metadata.uid"))
            value = str(meta, "uid").toUtf8();
        else if (field == QLatin1String("metadata.labels"))
            value = mapText(obj(meta, "labels"));
        else if (field == QLatin1String("metadata.annotations"))
            value = mapText(obj(meta, "annotations"));
        else if (field.startsWith(QLatin1String("metadata.labels['")))
            value = str(obj(meta, "labels"), qPrintable(field.mid(17).chopped(2))).toUtf8();
        else if (field.startsWith(QLatin1String("metadata.annotations['")))
            value = str(obj(meta, "annotations"), qPrintable(field.mid(22).chopped(2))).toUtf8();
        else if (!field.isEmpty()) {
            *error = QStringLiteral("unsupported fieldPath: %1").arg(field);
            return false;
        }
        out.append({str(item, "path"), value, modeOf(item, defaultMode)});
    }
    return true;
}

// Writes the files of an API-data volume in place: the directory may be
// bind-mounted into a running container already, so it is never replaced.
bool writeFiles(const QString &dir, const QList<File> &files, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("failed to create volume directory %1").arg(dir);
        return false;
    }
    for (const File &f : files) {
        if (!safeRelative(f.path)) {
            *error = QStringLiteral("invalid path %1: must be relative and may not contain '..'").arg(f.path);
            return false;
        }
        const QString path = dir + QLatin1Char('/') + f.path;
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(f.data) != f.data.size()) {
            *error = QStringLiteral("failed to write %1: %2").arg(path, file.errorString());
            return false;
        }
        file.close();
        ::chmod(QFile::encodeName(path).constData(), mode_t(f.mode & 07777));
    }
    return true;
}

bool checkHostPath(const QJsonObject &hostPath, QString *error)
{
    const QString path = str(hostPath, "path");
    const QString type = str(hostPath, "type");
    struct stat st {};
    const bool exists = ::stat(QFile::encodeName(path).constData(), &st) == 0;
    auto fail = [&](const char *what) {
        *error = QStringLiteral("hostPath type check failed: %1 is not %2").arg(path, QLatin1String(what));
        return false;
    };
    if (type.isEmpty())
        return true;
    if (type == QLatin1String("DirectoryOrCreate") && !exists) {
        if (!QDir().mkpath(path)) {
            *error = QStringLiteral("hostPath type check failed: cannot create directory %1").arg(path);
            return false;
        }
        ::chmod(QFile::encodeName(path).constData(), 0755);
        return true;
    }
    if (type == QLatin1String("DirectoryOrCreate") || type == QLatin1String("Directory"))
        return exists && S_ISDIR(st.st_mode) ? true : fail("a directory");
    if (type == QLatin1String("FileOrCreate") && !exists) {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("hostPath type check failed: cannot create file %1").arg(path);
            return false;
        }
        return true;
    }
    if (type == QLatin1String("FileOrCreate") || type == QLatin1String("File"))
        return exists && S_ISREG(st.st_mode) ? true : fail("a file");
    if (type == QLatin1String("Socket"))
        return exists && S_ISSOCK(st.st_mode) ? true : fail("a socket file");
    if (type == QLatin1String("CharDevice"))
        return exists && S_ISCHR(st.st_mode) ? true : fail("a character device");
    if (type == QLatin1String("BlockDevice"))
        return exists && S_ISBLK(st.st_mode) ? true : fail("a block device");
    *error = QStringLiteral("hostPath type check failed: unknown type %1").arg(type);
    return false;
}

}  // namespace

QStringList volumeConfigMapRefs(const QJsonObject &pod)
{
    return refs(pod, "configMap");
}

QStringList volumeSecretRefs(const QJsonObject &pod)
{
    QStringList out;
    for (const QJsonValue &v : volumes(pod))
        addOnce(out, str(obj(v.toObject(), "secret"), "secretName"));
    for (const QString &name : refs(pod, "secret"))
        addOnce(out, name);
    return out;
}

QString podVolumesDir(const QString &logRoot, const QString &uid)
{
    return QFileInfo(logRoot).path() + QStringLiteral("/pod-volumes/") + uid;
}

QHash<QString, QString> prepareVolumes(const QJsonObject &pod, const VolumeContext &context, QString *error)
{
    QHash<QString, QString> paths;
    const EnvSources empty;
    const EnvSources &sources = context.sources ? *context.sources : empty;
    for (const QJsonValue &v : volumes(pod)) {
        const QJsonObject vol = v.toObject();
        const QString name = str(vol, "name");
        auto dirOf = [&](const char *plugin) { return QStringLiteral("%1/kubernetes.io~%2/%3").arg(context.podDir, QLatin1String(plugin), name); };
        QList<File> files;
        QString dir;
        bool ok = true;
        if (vol.contains(QStringLiteral("hostPath"))) {
            if (!checkHostPath(obj(vol, "hostPath"), error))
                return {};
            paths.insert(name, str(obj(vol, "hostPath"), "path"));
            continue;
        }
        if (vol.contains(QStringLiteral("emptyDir"))) {
            dir = dirOf("empty-dir");
            // Kept across container restarts: only the pod's removal empties it.
            if (!QFileInfo::exists(dir)) {
                QDir().mkpath(dir);
                ::chmod(QFile::encodeName(dir).constData(), 0777);
            }
            paths.insert(name, dir);
            continue;
        }
        if (vol.contains(QStringLiteral("configMap"))) {
            const QJsonObject src = obj(vol, "configMap");
            dir = dirOf("configmap");
            ok = keyFiles(src, sources, false, src.value(QStringLiteral("defaultMode")).toInt(0644), files, error);
        } else if (vol.contains(QStringLiteral("secret"))) {
            const QJsonObject src = obj(vol, "secret");
            dir = dirOf("secret");
            ok = keyFiles(src, sources, true, src.value(QStringLiteral("defaultMode")).toInt(0644), files, error);
        } else if (vol.contains(QStringLiteral("downwardAPI"))) {
            const QJsonObject src = obj(vol, "downwardAPI");
            dir = dirOf("downward-api");
            ok = downwardFiles(pod, src, src.value(QStringLiteral("defaultMode")).toInt(0644), files, error);
        } else if (vol.contains(QStringLiteral("projected"))) {
            const QJsonObject projected = obj(vol, "projected");
            const int mode = projected.value(QStringLiteral("defaultMode")).toInt(0644);
            dir = dirOf("projected");
            for (const QJsonValue &s : projected.value(QStringLiteral("sources")).toArray()) {
                const QJsonObject src = s.toObject();
                if (src.contains(QStringLiteral("configMap")))
                    ok = keyFiles(obj(src, "configMap"), sources, false, mode, files, error);
                else if (src.contains(QStringLiteral("secret")))
                    ok = keyFiles(obj(src, "secret"), sources, true, mode, files, error);
                else if (src.contains(QStringLiteral("downwardAPI")))
                    ok = downwardFiles(pod, obj(src, "downwardAPI"), mode, files, error);
                else if (src.contains(QStringLiteral("serviceAccountToken")) && context.tokens.contains(name))
                    files.append({str(obj(src, "serviceAccountToken"), "path"), context.tokens.value(name).toUtf8(), mode});
                if (!ok)
                    break;
            }
        } else {
            *error = QStringLiteral("volume %1: unsupported volume type on Timoneiro's local nodes").arg(name);
            return {};
        }
        if (!ok || !writeFiles(dir, files, error))
            return {};
        paths.insert(name, dir);
    }
    return paths;
}

bool containerMounts(const QJsonObject &pod, const QJsonObject &container, const QHash<QString, QString> &hostPaths,
                     cri::v1::ContainerConfig *config, QString *error)
{
    QHash<QString, bool> apiData;  // configMap, secret, downwardAPI, projected: read-only always
    for (const QJsonValue &v : volumes(pod)) {
        const QJsonObject vol = v.toObject();
        apiData.insert(str(vol, "name"), !vol.contains(QStringLiteral("emptyDir")) && !vol.contains(QStringLiteral("hostPath")));
    }
    for (const QJsonValue &v : container.value(QStringLiteral("volumeMounts")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString name = str(m, "name");
        if (!hostPaths.contains(name)) {
            *error = QStringLiteral("cannot find volume \"%1\" to mount into container \"%2\"").arg(name, str(container, "name"));
            return false;
        }
        QString host = hostPaths.value(name);
        const QString subPath = str(m, "subPath");
        if (!subPath.isEmpty()) {
            if (!safeRelative(subPath)) {
                *error = QStringLiteral("subPath \"%1\" must be a relative path not containing '..'").arg(subPath);
                return false;
            }
            host += QLatin1Char('/') + subPath;
            // As the kubelet: a missing subPath is made a directory.
            if (!QFileInfo::exists(host))
                QDir().mkpath(host);
        }
        auto *mount = config->add_mounts();
        mount->set_container_path(str(m, "mountPath").toStdString());
        mount->set_host_path(host.toStdString());
        mount->set_readonly(m.value(QStringLiteral("readOnly")).toBool() || apiData.value(name));
    }
    return true;
}

}  // namespace timoneiro::kubelet
