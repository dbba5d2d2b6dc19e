"""Four charts of the chart detective: pick, name the trick, try two redraws, check each."""

from thinktwice.widgets import ChartDetective

#: A dishonest and an honest value of each chart's redraw control.
_TRIES = {
    "truncated-axis": (40, 0),
    "dual-axes": ("change", "panels"),
    "cherry-picked": (None, None),  # set from the chart's months
    "area-distortion": ("length", "area"),
}


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = ChartDetective(learner, folder=folder).view()
    calls = []
    for index, chart in enumerate(view.detective.charts_):
        control = view.controls[chart.trick]
        tries = _TRIES[chart.trick]
        if chart.trick == "cherry-picked":
            tries = ((chart.x[0] + 5, chart.x[-1]), (chart.x[0], chart.x[-1]))

        def pick(index=index):
            view.picker.value = index

        def name(chart=chart):
            view.trick.value = chart.trick
            view.name_button.click()

        def set_control(control=control, value=tries[0]):
            control.value = value

        def check():
            view.check_button.click()

        def set_honest(control=control, value=tries[1]):
            control.value = value

        calls += [pick, name, set_control, check, set_honest, check]
    return calls
