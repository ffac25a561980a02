"""notebooks/what-replaces-ccgs.ipynb runs top to bottom on the bundled data, in this Python."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "what-replaces-ccgs.ipynb"


class ThisPython(KernelSpecManager):
    """Every kernel runs this interpreter, whatever kernels the machine has installed."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        return KernelSpec(argv=argv, display_name="nhsgraph tests", language="python")


def test_notebook_is_committed_with_outputs_cleared():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


def test_notebook_runs_on_the_bundled_data_in_this_python():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    kernel = KernelManager(kernel_name="python3", kernel_spec_manager=ThisPython())
    client = NotebookClient(notebook, km=kernel, timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    printed = "".join(out.get("text", "") for out in notebook.cells[-1].outputs)
    assert Path(printed.strip()).resolve() == Path(sys.executable).resolve()
    answers = notebook.cells[4].outputs[0]["data"]["text/markdown"]
    assert "| integrated care board | fact | 1 July 2022 | Health and Care Act 2022 |" in answers
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert any("image/png" in out.get("data", {}) for out in outputs)  # the matplotlib timeline
    if importlib.util.find_spec("nhsgraph.diagram") is not None:
        assert any("image/svg+xml" in out.get("data", {}) for out in outputs)  # the project's diagram
