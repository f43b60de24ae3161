// Exports are written whole or not at all: a file that cannot be written whole
// (a full disk, simulated with a file-size limit) leaves the old file as it was
// and no temporary file behind, and the message names the file.
#include "io/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace suplab;

namespace {
/// Runs `f` with writes limited to `bytes` per file, as a full disk would stop them.
template <typename F> std::string withFileSizeLimit(rlim_t bytes, F f) {
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of a signal
    rlimit limited = old;
    limited.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limited);
    std::string result = f();
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    return result;
}
} // namespace

class TstAtomicFile : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aFileIsWrittenWholeOrNotAtAll_data() {
        QTest::addColumn<int>("limitBytes"); // 0: no limit
        QTest::addColumn<QString>("fragment");
        QTest::newRow("a normal write replaces the file") << 0 << "";
        QTest::newRow("a disk that fills up mid-write leaves the old file")
            << 4096 << "write failed";
    }
    void aFileIsWrittenWholeOrNotAtAll() {
        QFETCH(int, limitBytes);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("log.jsonl"));
        QVERIFY(writeFileAtomically(target.toStdString(), "old\n").empty());
        const std::string big(100'000, 'x');
        const std::string error = limitBytes == 0
                                      ? writeFileAtomically(target.toStdString(), big)
                                      : withFileSizeLimit(rlim_t(limitBytes), [&] {
                                            return writeFileAtomically(target.toStdString(), big);
                                        });
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray now = f.readAll();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left
        if (fragment.isEmpty()) {
            QVERIFY2(error.empty(), error.c_str());
            QCOMPARE(now.size(), qsizetype(big.size()));
            return;
        }
        QVERIFY2(QString::fromStdString(error).contains(fragment), error.c_str());
        QVERIFY(QString::fromStdString(error).startsWith(target));
        QCOMPARE(now, QByteArray("old\n"));
    }
};

QTEST_GUILESS_MAIN(TstAtomicFile)
#include "tst_atomic_file.moc"
