-- The same as src/main/graft/V41__types_product_state_values.yaml, written by hand.
ALTER TYPE product_state ADD VALUE 'paused' BEFORE 'retired';
ALTER TYPE product_state ADD VALUE 'archived';
