"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .meta import Meta
from .sort_by import SortBy
from .sort_field import SortField
from .sort_order import SortOrder
from .view import View
from .workspace import Workspace
from .workspace_detail import WorkspaceDetail
from .workspace_detail_response import WorkspaceDetailResponse
from .workspace_list import WorkspaceList
from .workspace_list_response import WorkspaceListResponse

__all__ = (
    "Error",
    "Meta",
    "SortBy",
    "SortField",
    "SortOrder",
    "View",
    "Workspace",
    "WorkspaceDetail",
    "WorkspaceDetailResponse",
    "WorkspaceList",
    "WorkspaceListResponse",
)
