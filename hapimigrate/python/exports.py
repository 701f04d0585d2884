"""The names a module's ``__all__`` lists (what ``from module import *``
exports), however the module builds it: a key definition listed there may be
imported elsewhere, so it stays."""

from __future__ import annotations

import libcst as cst


def exported_names(module: cst.Module) -> set[str] | None:
    """The names ``__all__`` lists, wherever the module builds it (an
    assignment, ``+=``, ``.append``/``.extend``/``.insert``, in any block);
    None when one of its writes is not made of string literals (a
    comprehension, another module's ``__all__``): any name may be exported."""
    finder = _AllWrites()
    module.visit(finder)
    return None if finder.unknown else finder.names


class _AllWrites(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()
        self.unknown = False

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if _is_all(target.target):
                self._value(node.value)
            elif _item_of_all(target.target):
                self.unknown = True  # __all__[:] = ...

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if _is_all(node.target) and node.value is not None:
            self._value(node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if _is_all(node.target):
            self._value(node.value)
        elif _item_of_all(node.target):
            self.unknown = True

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not (isinstance(func, cst.Attribute) and _is_all(func.value)):
            return
        method = func.attr.value
        value = node.args[-1].value if node.args else None
        if method in ("append", "insert"):
            self._value(value, one=True)
        elif method == "extend":
            self._value(value)
        elif method not in ("remove", "pop", "index", "count", "sort", "clear"):
            self.unknown = True  # __all__.__setitem__(...), ...

    def _value(self, value: cst.BaseExpression | None, one: bool = False) -> None:
        """Read the strings of a literal (or a ``+`` of literals, or the
        module's own ``__all__``); anything else is unknown."""
        if value is None:
            self.unknown = True
        elif one:
            if isinstance(value, cst.SimpleString):
                self.names.add(str(value.evaluated_value))
            else:
                self.unknown = True
        elif _is_all(value):
            return  # __all__ = __all__ + [...]
        elif isinstance(value, cst.BinaryOperation) and isinstance(
            value.operator, cst.Add
        ):
            self._value(value.left)
            self._value(value.right)
        elif isinstance(value, (cst.List, cst.Tuple, cst.Set)):
            for element in value.elements:
                if isinstance(element, cst.StarredElement):
                    self._value(element.value)
                else:
                    self._value(element.value, one=True)
        else:
            self.unknown = True


def _is_all(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "__all__"


def _item_of_all(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Subscript) and _is_all(node.value)
