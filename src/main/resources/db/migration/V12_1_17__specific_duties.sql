-- Specific and compound duties and excise (从量税, 复合税): a tariff line may levy, besides or instead of its ad valorem
-- rate, an amount in CNY per unit of its legal unit of quantity (frozen chicken wings so much a kilogram; gasoline's
-- excise so much a litre). A declaration line keeps what it was assessed at per unit, and the quantity it was applied
-- to, so that a later correction of its value is assessed again at the rates first applied (as the ad valorem rates
-- already are). Lines and declarations before have none.
ALTER TABLE tariff_line
    ADD COLUMN mfn_per_unit    NUMERIC(12, 4) CHECK (mfn_per_unit >= 0),
    ADD COLUMN excise_per_unit NUMERIC(12, 4) CHECK (excise_per_unit >= 0),
    ADD CONSTRAINT tariff_line_per_unit_has_a_unit
        CHECK ((mfn_per_unit IS NULL AND excise_per_unit IS NULL) OR legal_unit IS NOT NULL);

ALTER TABLE declaration_item
    ADD COLUMN duty_per_unit     NUMERIC(12, 4),
    ADD COLUMN excise_per_unit   NUMERIC(12, 4),
    ADD COLUMN per_unit_quantity NUMERIC(18, 3),
    ADD COLUMN per_unit_unit     VARCHAR(3),
    ADD CONSTRAINT declaration_item_per_unit_counted
        CHECK ((duty_per_unit IS NULL AND excise_per_unit IS NULL) = (per_unit_quantity IS NULL));
