"""Column overhead (scenario 10): the first `limit` rows of a table, every column, ORDER BY id."""

from rest_framework.response import Response
from rest_framework.views import APIView

from api.models import TYPE_MODELS, ExtraWideUser, NarrowUser, WideUser
from api.params import ColumnOverheadQuery, parse_query
from api.serializers import row_serializer


class TableRowsView(APIView):
    """`SELECT <every column> FROM <table> ORDER BY id LIMIT limit`, through a ModelSerializer."""

    model = None

    def get(self, request, **kwargs):
        limit = parse_query(request, ColumnOverheadQuery)["limit"]
        model = self.model or TYPE_MODELS[kwargs["type"]]
        rows = model.objects.order_by("id")[:limit]
        return Response(row_serializer(model)(rows, many=True).data)


narrow = TableRowsView.as_view(model=NarrowUser)
wide = TableRowsView.as_view(model=WideUser)
extra_wide = TableRowsView.as_view(model=ExtraWideUser)
by_type = TableRowsView.as_view()
