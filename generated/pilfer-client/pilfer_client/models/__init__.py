"""Contains all the data models used in inputs/outputs"""

from .create_space_request import CreateSpaceRequest
from .delete_result import DeleteResult
from .delete_space_response import DeleteSpaceResponse
from .error import Error
from .related_entity import RelatedEntity
from .space import Space
from .space_list_response import SpaceListResponse
from .space_response import SpaceResponse
from .update_space_request import UpdateSpaceRequest

__all__ = (
    "CreateSpaceRequest",
    "DeleteResult",
    "DeleteSpaceResponse",
    "Error",
    "RelatedEntity",
    "Space",
    "SpaceListResponse",
    "SpaceResponse",
    "UpdateSpaceRequest",
)
