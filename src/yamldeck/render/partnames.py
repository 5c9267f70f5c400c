"""Part names for new parts (charts, workbooks, pictures, notes) without walking the package.

python-pptx's `OpcPackage.next_partname`, `Package.next_image_partname` and the picture lookup
behind `get_or_add_image_part` each walk every relationship of the package, once per new chart,
embedded workbook or picture: quadratic in a deck with one chart or picture per slide.
`PartNames` walks the package once, then keeps the names and picture digests itself. It is
installed on one presentation's package object only (an attribute of that instance, nothing
global), and answers as python-pptx would: the same names in the same order.
"""

from __future__ import annotations

from typing import Any

from pptx.opc.packuri import PackURI
from pptx.parts.image import Image, ImagePart

from .pptx_internals import serve_part_names

_IMAGE_PREFIX = "/ppt/media/image"


class PartNames:
    """The package's part names and pictures, kept up to date as parts are named."""

    def __init__(self, package: Any) -> None:
        self._package = package
        self._names: set[str] = set()
        self._counts: dict[str, int] = {}  # prefix -> names starting with it
        self._images: dict[str, Any] = {}  # sha1 -> ImagePart
        self._image_numbers: set[int] = set()
        self._image_gap = 1  # the smallest image number not in use
        for part in package.iter_parts():  # the one walk
            self.claim(str(part.partname))
            if isinstance(part, ImagePart):
                self._images.setdefault(part.sha1, part)

    def install(self) -> None:
        """Answer the package's own part-naming calls from now on (this package only)."""
        serve_part_names(self._package, self.next_partname, self.next_image_partname,
                         self.get_or_add_image_part)

    def claim(self, name: str) -> None:
        """Record a part name as used."""
        if name in self._names:
            return
        self._names.add(name)
        for prefix in self._counts:
            if name.startswith(prefix):
                self._counts[prefix] += 1
        if name.startswith(_IMAGE_PREFIX):
            number = PackURI(name).idx
            if number is not None:
                self._image_numbers.add(number)
                while self._image_gap in self._image_numbers:
                    self._image_gap += 1

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def next_partname(self, tmpl: str) -> PackURI:
        """As OpcPackage.next_partname: counting down from (names with the prefix) + 1."""
        prefix = tmpl[: tmpl.index("%d")]  # e.g. "/ppt/charts/chart" of "/ppt/charts/chart%d.xml"
        count = self._counts.get(prefix)
        if count is None:
            count = self._counts[prefix] = sum(1 for n in self._names if n.startswith(prefix))
        for number in range(count + 1, 0, -1):
            candidate = tmpl % number
            if candidate not in self._names:
                self.claim(candidate)
                return PackURI(candidate)
        raise ValueError(f"no free part name for {tmpl}")  # python-pptx cannot get here either

    def next_image_partname(self, ext: str) -> PackURI:
        """As Package.next_image_partname: the smallest image number not in use."""
        name = f"{_IMAGE_PREFIX}{self._image_gap}.{ext}"
        self.claim(name)
        return PackURI(name)

    def get_or_add_image_part(self, image_file: Any) -> Any:
        """As Package.get_or_add_image_part: one part per distinct picture (by SHA1)."""
        image = Image.from_file(image_file)
        part = self._images.get(image.sha1)
        if part is None:
            part = self._images[image.sha1] = ImagePart.new(self._package, image)
        return part
