package io.singlewindow.reference;

/**
 * One entry of the HS nomenclature.
 *
 * @param code 2, 4 or 6 digits
 * @param level 2 chapter, 4 heading, 6 subheading
 * @param section the Roman numeral of its section, e.g. {@code XVI}
 * @param description the English description (UN Comtrade's short text)
 * @param descriptionZh a Chinese description where one ships, else {@literal null}
 */
public record HsEntry(String code, int level, String section, String description, String descriptionZh) {
}
