-- The same as src/main/graft/V45__types_complete_views.yaml, written by hand.
DROP VIEW types_product_listing;
