// The slab pool's page policy measures both kinds of page once, keeps to the
// cheaper one, tries the other again ever more rarely while it keeps losing, and
// changes sides as soon as the costs do.
#include "base/PagePolicy.h"

#include <QTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace suplab;
using slab::PageKind;
using slab::PagePolicy;

namespace {
/// Lets the policy choose `slabs` times, each slab costing what `costOf` says its
/// kind costs then; returns the kinds chosen, as "HsHH...".
template <typename Cost> std::string choices(PagePolicy& policy, int slabs, Cost costOf) {
    std::string out;
    for (int i = 0; i < slabs; ++i) {
        const PageKind kind = policy.next();
        out += kind == PageKind::Huge ? 'H' : 's';
        policy.record(kind, costOf(kind, i));
    }
    return out;
}
constexpr std::int64_t kWarmHuge = 100'000, kSmall = 700'000, kColdHuge = 4'700'000;
} // namespace

class TstPagePolicy : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void theCheaperKindIsKeptAndTheOtherTriedEverMoreRarely_data() {
        QTest::addColumn<qint64>("hugeNs");
        QTest::addColumn<qint64>("smallNs");
        QTest::addColumn<QString>("expected");
        // Each kind once (small pages first), then the winner; the loser again
        // after 8, 16, 32 slabs.
        QTest::newRow("warm huge pages win")
            << qint64(kWarmHuge) << qint64(kSmall)
            << QString("sH" + QString(8, 'H') + "s" + QString(16, 'H') + "s" + QString(4, 'H'));
        QTest::newRow("cold huge pages lose")
            << qint64(kColdHuge) << qint64(kSmall)
            << QString("sH" + QString(8, 's') + "H" + QString(16, 's') + "H" + QString(4, 's'));
        QTest::newRow("a tie keeps huge pages")
            << qint64(kSmall) << qint64(kSmall)
            << QString("sH" + QString(8, 'H') + "s" + QString(16, 'H') + "s" + QString(4, 'H'));
    }
    void theCheaperKindIsKeptAndTheOtherTriedEverMoreRarely() {
        QFETCH(qint64, hugeNs);
        QFETCH(qint64, smallNs);
        QFETCH(QString, expected);
        PagePolicy policy;
        const std::string got = choices(policy, 32, [&](PageKind kind, int) {
            return kind == PageKind::Huge ? hugeNs : smallNs;
        });
        QCOMPARE(QString::fromStdString(got), expected);
    }

    void theProbeGapStopsGrowingAtItsBound() {
        PagePolicy policy;
        const std::string got = choices(policy, 20'000, [](PageKind kind, int) {
            return kind == PageKind::Huge ? kColdHuge : kSmall;
        });
        // After the gap has reached its bound, huge pages are tried once per bound.
        const std::string tail = got.substr(got.size() - 3 * (PagePolicy::kMaxProbeGap + 1));
        QCOMPARE(std::count(tail.begin(), tail.end(), 'H'), std::ptrdiff_t(3));
    }

    void aChangeOfCostsChangesSides_data() {
        QTest::addColumn<QString>("expectedAfterChange");
        // Warm huge pages run out at slab 12 (4.7 ms from then on, 7 times small
        // pages' cost): one such slab is enough to change sides; huge pages are
        // tried again 8 slabs later, and lose again.
        QTest::newRow("huge pages go cold") << QString("H" + QString(8, 's') + "Hss");
    }
    void aChangeOfCostsChangesSides() {
        QFETCH(QString, expectedAfterChange);
        PagePolicy policy;
        const std::string got = choices(policy, 24, [](PageKind kind, int i) {
            if (kind == PageKind::Small) return kSmall;
            return i < 12 ? kWarmHuge : kColdHuge;
        });
        QCOMPARE(QString::fromStdString(got.substr(12)), expectedAfterChange);
    }

    void aSlowSlabAloneDoesNotChangeSides() {
        PagePolicy policy;
        const std::string got = choices(policy, 10, [](PageKind kind, int i) {
            if (kind == PageKind::Small) return kSmall;
            return i == 5 ? 2 * kSmall : kWarmHuge; // one descheduled huge slab
        });
        QCOMPARE(QString::fromStdString(got.substr(2)), QString(8, 'H'));
    }

    void aKindNeverMeasuredHasNoEstimate() {
        PagePolicy policy;
        QCOMPARE(policy.estimateNs(PageKind::Small), std::int64_t(-1));
        policy.record(policy.next(), 500);
        QCOMPARE(policy.estimateNs(PageKind::Small), std::int64_t(500));
        QCOMPARE(policy.estimateNs(PageKind::Huge), std::int64_t(-1));
    }

    void aFirstMeasureUnderWayIsNotStartedAgain() {
        // Two threads map slabs at once: the second does not try small pages again
        // before the first has said what they cost.
        PagePolicy policy;
        QCOMPARE(policy.next(), PageKind::Small);
        QCOMPARE(policy.next(), PageKind::Huge);
        QCOMPARE(policy.next(), PageKind::Small); // nothing known yet: small pages
        policy.record(PageKind::Huge, kWarmHuge);
        QCOMPARE(policy.next(), PageKind::Huge); // the only kind known
        policy.record(PageKind::Small, kSmall);
        QCOMPARE(policy.next(), PageKind::Huge);
    }
};

QTEST_APPLESS_MAIN(TstPagePolicy)
#include "tst_page_policy.moc"
