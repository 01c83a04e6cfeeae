"""The report's charts as SVG, drawn by matplotlib from a ``ChartTable``: the same picture on the Auswertung page
(painted by Qt's ``QSvgRenderer``) and in the PDF report (painted into the ``QPdfWriter``), in light and dark.

- ``registrations_over_time``: one line per meeting (cumulative registrations by day counted from the deadline),
  the latest meeting drawn strongest; the deadline (day 0) a dashed vertical line, the first reminder and
  access-link mails symbols on their meeting's line;
- ``attendance_per_meeting`` / ``attendance_per_round``: grouped bars (angemeldet, teilgenommen, nicht erschienen);
- ``federal_states``: horizontal bars, most first;
- ``first_time_returning``: stacked bars (erstmals below, wiederkehrend on top).

matplotlib's object-oriented API only (a ``Figure`` with the SVG canvas; never ``pyplot``, which keeps global
figures and picks a GUI backend), imported inside the functions so the program starts without it (~150 ms to
import). Text stays text in the SVG (``svg.fonttype = "none"``), in the font family "DejaVu Sans" that matplotlib
ships and laid out with; the window registers that font with Qt, so Qt draws the text with the same metrics and
the PDF keeps extractable, searchable text. Settings are applied with ``rc_context`` only, under a lock, so charts
can be drawn on a worker thread (the first chart costs ~350 ms cold) while another is drawn elsewhere.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .chart_data import Cell, ChartTable, format_cell

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FONT_FAMILY = "DejaVu Sans"
#: shown in an empty chart
NO_DATA = "Noch keine Daten für dieses Diagramm"
#: y-axis labels
REGISTRATIONS_AXIS = "Anmeldungen (aufsummiert)"
PERSONS_AXIS = "Personen"
#: symbols of the marked mail days (matplotlib marker codes)
_MARKERS = {"reminder": "v", "access_link": "D"}
_DATE_LABEL = re.compile(r"^(\d{2}\.\d{2}\.\d{4})(?: (.*))?$", re.DOTALL)
#: average width of a character relative to the font size (DejaVu Sans is wide), for fitting labels
_CHAR_WIDTH = 0.62
#: up to this many categories every one is labelled (slanted when needed); more get every k-th label
ROTATED_LABELS_UP_TO = 24
#: above this many meetings, grouped bars (three per meeting, under a point wide) become three lines
BARS_UP_TO = 40
#: rcParams are global: every chart is drawn under this lock, inside its own rc_context
_RENDER_LOCK = threading.Lock()


# -- style -------------------------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) == 8:  # #aarrggbb (QColor.name(HexArgb)): the alpha is ignored
        text = text[2:]
    if len(text) != 6 or not re.fullmatch(r"[0-9a-fA-F]{6}", text):
        raise ValueError(f"not a colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def _mix(a: str, b: str, share_of_b: float) -> str:
    ra, rb = _rgb(a), _rgb(b)
    return "#" + "".join(f"{round(x + (y - x) * share_of_b):02x}" for x, y in zip(ra, rb, strict=True))


def _lightness(colour: str) -> float:
    r, g, b = _rgb(colour)
    return (max(r, g, b) + min(r, g, b)) / 2 / 255


#: Okabe–Ito colours (told apart also with colour-blindness), the yellow left out (unreadable on white); green,
#: purple and orange a little darker and a brown for the sky blue (which darkened would be one more blue), so that
#: every line and bar reaches 3:1 (WCAG 2.1 SC 1.4.11) on white and on a window's light grey (#efefef)
LIGHT_SERIES = ("#0072B2", "#D55E00", "#009B71", "#C6699C", "#B67E00", "#8C564B", "#6B6B6B")
#: the same hues lighter, for a dark background
DARK_SERIES = ("#5AB4F0", "#FF8A50", "#35C99A", "#E79AC8", "#F2B84B", "#9CD3F5", "#B0B0B0")


@dataclass(frozen=True)
class ChartStyle:
    """Colours and font of a chart; ``from_colours`` makes one from the window's palette."""

    background: str
    foreground: str
    #: tick labels, axis labels, value labels
    muted: str
    #: grid lines and the axis line
    grid: str
    #: data series in order; the first is the main colour (the latest meeting, "angemeldet", "wiederkehrend")
    series: tuple[str, ...]
    font_family: str = FONT_FAMILY
    #: points, at the chart's own size (the SVG is scaled to the widget's width)
    font_size: float = 9.0

    @classmethod
    def from_colours(cls, background: str, foreground: str, *, series: Sequence[str] | None = None,
                     font_size: float = 9.0) -> ChartStyle:
        """A style for a window painting ``foreground`` text on ``background`` (``#rrggbb``, e.g. a palette's
        ``QColor.name()``); the series colours follow light or dark from the background unless given."""
        dark = _lightness(background) < 0.5
        return cls(
            background=_mix(background, background, 0),
            foreground=_mix(foreground, foreground, 0),
            muted=_mix(foreground, background, 0.22),
            grid=_mix(foreground, background, 0.82 if dark else 0.86),
            series=tuple(series) if series else (DARK_SERIES if dark else LIGHT_SERIES),
            font_size=font_size,
        )

    def colour(self, index: int) -> str:
        return self.series[index % len(self.series)]


LIGHT = ChartStyle.from_colours("#ffffff", "#1f1f1f")
DARK = ChartStyle.from_colours("#202020", "#e8e8e8")


# -- labels and axes ---------------------------------------------------------------------------------------


def _number(value: float, _position: Any = None) -> str:
    """Axis numbers the German way: 1.234, 2,5, −3."""
    if math.isclose(value, round(value), abs_tol=1e-9):
        return format_cell(round(value))
    return format_cell(float(value))


def _signed_day(value: float, _position: Any = None) -> str:
    day = round(value)
    return f"+{day}" if day > 0 else format_cell(day)


def _float(cell: Cell) -> float:
    return float(cell) if isinstance(cell, int | float) else math.nan


def _wrap(text: str, width: int, lines: int) -> str:
    """``text`` in at most ``lines`` lines of about ``width`` characters, words kept whole; what does not fit is
    cut with "…"."""
    width = max(width, 4)
    wrapped = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1].rstrip(" ,;:–-") + "…"
    return "\n".join(line if len(line) <= width else line[: width - 1].rstrip(" ,;:–-") + "…" for line in wrapped)


def _category_labels(categories: Sequence[Cell], slot_chars: float) -> list[str]:
    """Tick labels for bar categories. A meeting label "02.12.2021 Title" keeps its title (wrapped under the
    date) only when each bar group is wide enough for it; otherwise the date alone."""
    texts = [format_cell(c) for c in categories]
    dated = [_DATE_LABEL.match(t) for t in texts]
    width = int(slot_chars)

    def fits(title: str) -> bool:
        lines = textwrap.wrap(title, max(width, 4), break_long_words=False)
        return len(lines) <= 2 and all(len(line) <= width for line in lines)

    if all(dated) and (slot_chars < 12 or not all(fits(m.group(2) or "") for m in dated if m)):
        return [m.group(1) for m in dated if m]  # the titles would be cut: the dates alone (the table has them)
    labels = []
    for text, match in zip(texts, dated, strict=True):
        if match and match.group(2):
            labels.append(match.group(1) + "\n" + _wrap(match.group(2), width, 2))
        else:
            labels.append(_wrap(text, width, 2))
    return labels


def _axes_width_pt(figure: Figure) -> float:
    return float(figure.get_figwidth()) * 72 * 0.86  # the plot area, without the y-axis labels


def _set_category_ticks(ax: Axes, categories: Sequence[Cell], style: ChartStyle) -> None:
    """One tick per category while the labels fit; otherwise dates only, every k-th, evenly spaced."""
    count = len(categories)
    slot_pt = _axes_width_pt(ax.get_figure()) / max(count, 1)  # type: ignore[arg-type]
    char_pt = style.font_size * 0.92 * _CHAR_WIDTH
    labels = _category_labels(categories, slot_pt / char_pt - 2)  # two characters of space between labels
    longest = max((max(len(line) for line in label.split("\n")) for label in labels), default=1)
    step = max(1, math.ceil((longest + 2) * char_pt / slot_pt))
    ax.set_xlim(-0.6, count - 0.4)
    if step > 1 and count <= ROTATED_LABELS_UP_TO:  # every meeting named, the labels slanted
        ax.set_xticks(range(count), labels, fontsize=style.font_size * 0.92, rotation=35, ha="right",
                      rotation_mode="anchor")
        return
    positions = list(range(0, count, step))
    ax.set_xticks(positions, [labels[i] for i in positions], fontsize=style.font_size * 0.92)


def _style_axes(ax: Axes, style: ChartStyle, *, value_axis: Literal["x", "y"] = "y") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_facecolor(style.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(style.grid)
    ax.tick_params(colors=style.muted, labelcolor=style.muted)
    axis = ax.yaxis if value_axis == "y" else ax.xaxis
    axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=True, min_n_ticks=3))
    axis.set_major_formatter(FuncFormatter(_number))
    ax.grid(axis=value_axis, color=style.grid, linewidth=0.8)
    ax.set_axisbelow(True)


def _legend(ax: Axes, style: ChartStyle, *, loc: str, ncols: int = 1, anchor: tuple[float, float] | None = None,
            handles: list[Any] | None = None) -> None:
    options: dict[str, Any] = {"loc": loc, "ncols": ncols, "fontsize": style.font_size * 0.92,
                               "labelcolor": style.foreground, "frameon": True, "facecolor": style.background,
                               "edgecolor": style.grid, "framealpha": 0.92, "borderaxespad": 0.3}
    if anchor is not None:
        options.update(bbox_to_anchor=anchor, frameon=False)
    if handles is not None:
        options["handles"] = handles
    ax.legend(**options)


def _legend_above(ax: Axes, style: ChartStyle, count: int) -> None:
    """The series' legend in a row between title and plot (bars fill the plot's corners)."""
    _legend(ax, style, loc="lower left", ncols=count, anchor=(0, 1.0))


def _text_on(colour: str) -> str:
    """White or black text, whichever reads better on ``colour`` (WCAG relative luminance). Black, not a softer
    near-black: on the mid tones of the series (orange, the highlight blue) only black reaches 4.5:1."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#000000"


def _value_labels(ax: Axes, containers: list[Any], values: list[list[float]], style: ChartStyle,
                  *, inside_colours: list[str] | None = None) -> None:
    """The numbers at the bars' ends, or (``inside_colours``: the bars' colours) in the middle of stacked bars."""
    for index, (container, column) in enumerate(zip(containers, values, strict=True)):
        inside = inside_colours is not None
        texts = ["" if math.isnan(v) or (inside and v == 0) else _number(v) for v in column]
        colour = _text_on(inside_colours[index]) if inside_colours is not None else style.muted
        ax.bar_label(container, labels=texts, padding=0 if inside else 2, fontsize=style.font_size * 0.8,
                     color=colour, label_type="center" if inside else "edge")


# -- the charts --------------------------------------------------------------------------------------------


def _curves(fig: Figure, ax: Axes, table: ChartTable, style: ChartStyle) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    _style_axes(ax, style)
    days = [_float(row[0]) for row in table.rows]
    names = table.headers[1:]
    count = len(names)
    colours: dict[str, str] = {}
    for index, name in enumerate(names):
        latest = index == count - 1
        colour = style.colour(0) if latest else style.colour(index + 1)
        colours[name] = colour
        values = [_float(row[index + 1]) for row in table.rows]
        ax.plot(days, values, color=colour, linewidth=2.4 if latest else 1.5, alpha=1.0 if latest else 0.9,
                label=name, zorder=3 if latest else 2, solid_joinstyle="round")
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(_signed_day))
    ax.set_xlabel(table.headers[0], color=style.muted)
    ax.set_ylabel(REGISTRATIONS_AXIS, color=style.muted)
    ax.set_ylim(bottom=0)
    if days:
        # the whole time axis, also a deadline still ahead (a vertical line outside the limits would be written
        # as an SVG path without data, which Qt's SVG renderer reports as invalid)
        marked = [_float(m.category) for m in table.marks if m.series is None]
        ax.set_xlim(min([*days, *marked]) - 0.5, max([*days, *marked]) + 0.5)

    handles, _labels = ax.get_legend_handles_labels()
    kinds_shown: dict[str, str] = {}
    by_day = {round(_float(row[0])): row for row in table.rows if not math.isnan(_float(row[0]))}
    for mark in table.marks:
        if mark.series is None:
            ax.axvline(_float(mark.category), color=style.foreground, linestyle=(0, (4, 3)), linewidth=1.1,
                       zorder=4)
            # at the foot of the line: cumulative curves are high there, the foot stays free
            ax.annotate(mark.label, xy=(_float(mark.category), 0), xycoords=("data", "axes fraction"),
                        xytext=(-4, 4), textcoords="offset points", ha="right", va="bottom", rotation=90,
                        color=style.foreground, fontsize=style.font_size * 0.92)
            continue
        if mark.series not in names:
            continue
        value = _total_on(by_day, names.index(mark.series) + 1, round(_float(mark.category)))
        if value is None:
            continue
        marker = _MARKERS.get(mark.kind, "o")
        ax.plot([_float(mark.category)], [value], linestyle="", marker=marker, markersize=7,
                color=colours[mark.series], markeredgecolor=style.background, markeredgewidth=1.0, zorder=5)
        kinds_shown.setdefault(mark.kind, mark.label)
    for kind, label in kinds_shown.items():
        handles.append(Line2D([], [], linestyle="", marker=_MARKERS.get(kind, "o"), markersize=7,
                              color=style.muted, markeredgecolor=style.background, label=label))
    if handles:
        _legend(ax, style, loc="upper left", handles=handles)


def _total_on(by_day: dict[int, tuple[Cell, ...]], column: int, day: int) -> float | None:
    """A cumulative column's value on ``day``: the last total up to that day (no row: no new registrations
    since), 0 before the first registration, None when the table has no day that far back or forth."""
    if not by_day or not min(by_day) <= day <= max(by_day):
        return None
    for earlier in range(day, min(by_day) - 1, -1):
        value = _float(by_day[earlier][column]) if earlier in by_day else math.nan
        if not math.isnan(value):
            return value
    return 0.0


def _grouped_bars(fig: Figure, ax: Axes, table: ChartTable, style: ChartStyle) -> None:
    _style_axes(ax, style)
    categories = [row[0] for row in table.rows]
    names = table.headers[1:]
    count = len(categories)
    colour_order = (0, 2, 1, 3, 4, 5, 6)  # angemeldet blue, teilgenommen green, nicht erschienen orange
    columns = [[_float(row[index + 1]) for row in table.rows] for index in range(len(names))]
    if count > BARS_UP_TO:  # hundreds of meetings: three lines, a bar would be narrower than a pixel
        for index, (name, column) in enumerate(zip(names, columns, strict=True)):
            ax.plot(range(count), column, label=name, linewidth=1.2 if index == 0 else 1.0,
                    color=style.colour(colour_order[index % len(colour_order)]), solid_joinstyle="round")
    else:
        group = 0.84 if count > 3 else 0.3 + 0.15 * count
        width = group / max(len(names), 1)
        containers = []
        for index, (name, column) in enumerate(zip(names, columns, strict=True)):
            offsets = [i - group / 2 + width * (index + 0.5) for i in range(count)]
            containers.append(ax.bar(offsets, column, width=width * (0.92 if count <= 20 else 1.0), label=name,
                                     color=style.colour(colour_order[index % len(colour_order)]), linewidth=0))
        if count <= 12:
            _value_labels(ax, containers, columns, style)
            ax.margins(y=0.12)
    _set_category_ticks(ax, categories, style)
    ax.set_ylim(bottom=0)
    ax.set_ylabel(PERSONS_AXIS, color=style.muted)
    _legend_above(ax, style, len(names))


def _stacked_bars(fig: Figure, ax: Axes, table: ChartTable, style: ChartStyle) -> None:
    _style_axes(ax, style)
    categories = [row[0] for row in table.rows]
    names = table.headers[1:]
    count = len(categories)
    colour_order = (5, 0, 1, 2, 3, 4, 6)  # erstmals light blue, wiederkehrend blue
    bottom = [0.0] * count
    containers, values, colours = [], [], []
    for index, name in enumerate(names):
        column = [_float(row[index + 1]) for row in table.rows]
        heights = [0.0 if math.isnan(v) else v for v in column]
        colour = style.colour(colour_order[index % len(colour_order)])
        containers.append(ax.bar(range(count), heights, bottom=bottom, width=0.7 if count <= BARS_UP_TO else 1.0,
                                 label=name, color=colour, linewidth=0))
        values.append(column)
        colours.append(colour)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    _set_category_ticks(ax, categories, style)
    ax.set_ylabel(PERSONS_AXIS, color=style.muted)
    if count <= 12:
        _value_labels(ax, containers, values, style, inside_colours=colours)
    _legend_above(ax, style, len(names))


def _horizontal_bars(fig: Figure, ax: Axes, table: ChartTable, style: ChartStyle) -> None:
    _style_axes(ax, style, value_axis="x")
    categories = [format_cell(row[0]) for row in table.rows]
    column = [_float(row[1]) if len(row) > 1 else math.nan for row in table.rows]
    bars = ax.barh(range(len(categories)), column, height=0.72, color=style.colour(0), linewidth=0)
    ax.set_yticks(range(len(categories)), categories, fontsize=style.font_size * 0.92)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(categories) - 0.4, -0.6)  # most first, at the top
    ax.set_xlabel(table.headers[1] if len(table.headers) > 1 else PERSONS_AXIS, color=style.muted)
    _value_labels(ax, [bars], [column], style)
    ax.margins(x=0.1)


def _draw(key: str) -> Callable[[Figure, Axes, ChartTable, ChartStyle], None]:
    return {
        "registrations_over_time": _curves,
        "attendance_per_meeting": _grouped_bars,
        "attendance_per_round": _grouped_bars,
        "federal_states": _horizontal_bars,
        "first_time_returning": _stacked_bars,
    }.get(key, _grouped_bars)


def _has_data(table: ChartTable) -> bool:
    return any(isinstance(cell, int | float) and not isinstance(cell, bool) for row in table.rows
               for cell in row[1:])


def _rc(style: ChartStyle) -> dict[Any, Any]:
    return {
        "svg.fonttype": "none",  # text as <text>, not glyph paths: selectable and extractable in the PDF
        "svg.hashsalt": "odn-desktop",  # the same ids every time: the same table gives the same bytes
        "svg.image_inline": True,
        "text.parse_math": False,  # a "$" in a meeting title is a dollar sign, not TeX
        "font.family": [style.font_family, FONT_FAMILY],
        "font.size": style.font_size,
        "text.color": style.foreground,
        "axes.labelcolor": style.muted,
        "axes.unicode_minus": True,
        "xtick.color": style.muted,
        "ytick.color": style.muted,
        "figure.facecolor": style.background,
        "savefig.facecolor": style.background,
        "savefig.edgecolor": style.background,
        "axes.titlelocation": "left",
        "axes.titleweight": "bold",
        "axes.titlesize": style.font_size * 1.15,
        "axes.titlecolor": style.foreground,
        "legend.handlelength": 1.6,
    }


def chart_svg(table: ChartTable, style: ChartStyle, *, width_in: float, height_in: float) -> bytes:
    """The chart of ``table`` as SVG (``width_in`` × ``height_in`` inches, text in points at that size),
    the kind of chart chosen by ``table.key``, its title on top; "Noch keine Daten …" when the table has none."""
    with _RENDER_LOCK:
        import matplotlib
        from matplotlib.backends.backend_svg import FigureCanvasSVG
        from matplotlib.figure import Figure
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        with matplotlib.rc_context(_rc(style)):
            fig = Figure(figsize=(width_in, height_in), layout=ConstrainedLayoutEngine(w_pad=4 / 72, h_pad=4 / 72))
            FigureCanvasSVG(fig)
            ax = fig.add_subplot()
            chars = int(width_in * 72 / (style.font_size * 1.15 * _CHAR_WIDTH))
            ax.set_title(_wrap(table.title, chars, 2), pad=style.font_size * (2.4 if _legend_row(table) else 0.8))
            if _has_data(table):
                _draw(table.key)(fig, ax, table, style)
            else:
                ax.set_axis_off()
                ax.text(0.5, 0.5, NO_DATA, transform=ax.transAxes, ha="center", va="center", color=style.muted)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _legend_row(table: ChartTable) -> bool:
    return table.key in ("attendance_per_meeting", "attendance_per_round", "first_time_returning") \
        and _has_data(table)


def suggested_size_in(table: ChartTable, width_in: float) -> tuple[float, float]:
    """A good (width, height) in inches for ``table`` at ``width_in``: wide charts about half as high as wide,
    the federal states' bars a fixed height per state."""
    if table.key == "federal_states":
        return width_in, max(2.4, 0.9 + 0.24 * len(table.rows))
    return width_in, max(2.6, min(width_in * 0.5, 4.5))
