#include "TreeExport.h"

#include "elixir/ElixirSkeleton.h"
#include "io/AtomicFile.h"
#include "snapshot/TreeImage.h"
#include "snapshot/TreeSnapshot.h"

#include <QObject>

namespace suplab {

QString exportTree(QGraphicsScene& canvas, const TreeState& state, const Scenario& scenario,
                   const QString& file, const QString& format) {
    if (format == QLatin1String("svg"))
        return writeTreeSvg(canvas, file, QString::fromStdString(scenario.name));
    if (format == QLatin1String("png")) return writeTreePng(canvas, file);
    DiagramStates states;
    const NodePtr root = liveTree(state, &states);
    std::string text;
    if (format == QLatin1String("mermaid")) {
        text = treeMermaid(*root, states);
    } else if (format == QLatin1String("dot")) {
        text = treeDot(*root, states);
    } else if (format == QLatin1String("elixir")) {
        Scenario now = scenario;
        now.root = root;
        text = elixirSkeleton(now);
    } else {
        return QObject::tr("%1: no tree format called %2").arg(file, format);
    }
    return QString::fromStdString(writeFileAtomically(file.toStdString(), text));
}

} // namespace suplab
