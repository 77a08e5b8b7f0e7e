from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.workspace_detail import WorkspaceDetail


T = TypeVar("T", bound="WorkspaceDetailResponse")


@_attrs_define
class WorkspaceDetailResponse:
    """
    Attributes:
        code (str): "success" on success.
        data (WorkspaceDetail): A single workspace with its views. The page's example has no `created_at` or
            `count_views` here; they are not part of this shape.
    """

    code: str
    data: WorkspaceDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_detail import WorkspaceDetail  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        data = WorkspaceDetail.from_dict(d.pop("data"))

        workspace_detail_response = cls(
            code=code,
            data=data,
        )

        workspace_detail_response.additional_properties = d
        return workspace_detail_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
