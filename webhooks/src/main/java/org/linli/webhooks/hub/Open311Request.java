package org.linli.webhooks.hub;

/**
 * One request for help as an Open311 GeoReport v2 hub takes it ({@code POST requests.json}).
 * Optional fields are empty strings when unknown and then left out of the form.
 *
 * @param serviceCode the hub's {@code service_code} for this kind of request (required)
 * @param description what the resident asks for, in their words (required, at most 4,000
 *     characters as the GeoReport specification allows)
 * @param firstName how the resident wishes to be addressed ({@code first_name})
 * @param phone a number the hub may call back ({@code phone})
 * @param address where help is needed ({@code address_string})
 * @param mediaUrl a photo of the problem ({@code media_url}: a signed link to the stored photo)
 * @param latitude where help is needed ({@code lat}, decimal degrees as text)
 * @param longitude where help is needed ({@code long})
 */
public record Open311Request(String serviceCode, String description, String firstName, String phone, String address,
    String mediaUrl, String latitude, String longitude) {

  /** A request without a photo or a position. */
  public Open311Request(String serviceCode, String description, String firstName, String phone, String address) {
    this(serviceCode, description, firstName, phone, address, "", "", "");
  }

  /** The longest description GeoReport v2 allows. */
  public static final int MAX_DESCRIPTION = 4000;

  public Open311Request {
    serviceCode = serviceCode == null ? "" : serviceCode.strip();
    description = description == null ? "" : description.strip();
    firstName = firstName == null ? "" : firstName.strip();
    phone = phone == null ? "" : phone.strip();
    address = address == null ? "" : address.strip();
    mediaUrl = mediaUrl == null ? "" : mediaUrl.strip();
    latitude = latitude == null ? "" : latitude.strip();
    longitude = longitude == null ? "" : longitude.strip();
    if (serviceCode.isEmpty()) {
      throw new IllegalArgumentException("an Open311 request needs a service_code");
    }
    if (description.isEmpty()) {
      throw new IllegalArgumentException("an Open311 request needs a description");
    }
    if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("an Open311 description holds at most " + MAX_DESCRIPTION + " characters");
    }
  }

  /** Does not print the fields: they carry residents' names, numbers and addresses. */
  @Override
  public String toString() {
    return "Open311Request[serviceCode=" + serviceCode + "]";
  }
}
