"""Stock decrements under four concurrency-control strategies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.application.transactions import DecrementStock, GetProduct, ResetStocks
from app.presentation import dependencies as deps
from app.presentation.params import MAX_ID, MAX_QUANTITY, IntText
from app.presentation.schemas.common import MessageResponse
from app.presentation.schemas.operations import DecrementResponse, ProductResponse

router = APIRouter(prefix="/transactions")

ProductId = Annotated[IntText, Query(ge=1, le=MAX_ID)]
Quantity = Annotated[IntText, Query(ge=1, le=MAX_QUANTITY)]
Decrement = Annotated[DecrementStock, Depends(deps.decrement_stock)]


@router.get("/products/{id}", response_model=ProductResponse)
async def get_product(id: Annotated[IntText, Path(ge=1, le=MAX_ID)], use_case: Annotated[GetProduct, Depends(deps.get_product)]):
    return await use_case.execute(id)


@router.post("/reset", response_model=MessageResponse)
async def reset(use_case: Annotated[ResetStocks, Depends(deps.reset_stocks)]):
    await use_case.execute()
    return MessageResponse(message="All stocks reset to 1000")


@router.post("/decrement/no-lock", response_model=DecrementResponse)
async def no_lock(use_case: Decrement, product_id: ProductId = 1, quantity: Quantity = 1):
    return await use_case.no_lock(product_id, quantity)


@router.post("/decrement/pessimistic", response_model=DecrementResponse)
async def pessimistic(use_case: Decrement, product_id: ProductId = 1, quantity: Quantity = 1):
    return await use_case.pessimistic(product_id, quantity)


@router.post("/decrement/optimistic", response_model=DecrementResponse)
async def optimistic(use_case: Decrement, product_id: ProductId = 1, quantity: Quantity = 1, max_retries: Annotated[IntText, Query(ge=0, le=100)] = 5):
    return await use_case.optimistic(product_id, quantity, max_retries)


@router.post("/decrement/serializable", response_model=DecrementResponse)
async def serializable(use_case: Decrement, product_id: ProductId = 1, quantity: Quantity = 1):
    return await use_case.serializable(product_id, quantity)
