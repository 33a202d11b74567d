package dev.aihq.connectors.kaspi;

import java.util.ArrayList;
import java.util.List;

/**
 * Kaspi responses in the exact JSON:API shape of the orders guide: {@code data[]} of {@code orders} with
 * {@code attributes}, {@code relationships} and {@code links}, {@code included[]}, {@code meta}; Cyrillic
 * titles, KZT prices and Kazakh phone formats.
 */
final class KaspiFixtures {

    static final String TOKEN = "kT9vQ2xLm8ZpR4wN7sYb1cDf6GhJ0aEu3iOk5=";
    static final long CREATED = 1_730_440_800_000L; // 2024-11-01T06:00:00Z, 11:00 in Almaty
    static final String ORDERS_PATH = "/orders";

    private KaspiFixtures() {}

    /** The order shapes a fixture can take. */
    enum Shape { FULL, WITH_UNKNOWN_FIELDS, OPTIONAL_FIELDS_MISSING }

    static String ordersPage(List<String> ids, int pageCount, Shape shape) {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            orders.add(order(ids.get(i), String.valueOf(500_000_100L + i), shape));
        }
        String extra = shape == Shape.WITH_UNKNOWN_FIELDS
                ? ",\"jsonapi\":{\"version\":\"1.0\"},\"links\":{\"next\":\"https://kaspi.kz/next\"}" : "";
        String meta = shape == Shape.WITH_UNKNOWN_FIELDS
                ? "{\"pageCount\":" + pageCount + ",\"totalCount\":" + ids.size() + ",\"newMetaField\":true}"
                : "{\"pageCount\":" + pageCount + ",\"totalCount\":" + ids.size() + "}";
        return "{\"data\":[" + String.join(",", orders) + "],\"included\":[],\"meta\":" + meta + extra + "}";
    }

    static String order(String id, String code, Shape shape) {
        if (shape == Shape.OPTIONAL_FIELDS_MISSING) {
            return """
                {"type":"orders","id":"%s","attributes":{"code":"%s","totalPrice":4000.0,
                 "state":"ARCHIVE","status":"COMPLETED","creationDate":%d}}
                """.formatted(id, code, CREATED);
        }
        String unknown = shape == Shape.WITH_UNKNOWN_FIELDS
                ? "\"loyaltyBonus\":{\"kind\":\"RED\",\"amount\":250},\"futureFlag\":true," : "";
        return """
            {"type":"orders","id":"%s",
             "attributes":{%s"code":"%s","totalPrice":96045,"paymentMode":"PAY_WITH_CREDIT","creditTerm":12,
              "plannedDeliveryDate":%d,"creationDate":%d,"deliveryCostForSeller":0,"isKaspiDelivery":false,
              "deliveryMode":"DELIVERY_PICKUP","signatureRequired":false,"preOrder":false,
              "deliveryAddress":{"streetName":"Абая","streetNumber":"150","town":"Алматы","district":null,
               "building":null,"apartment":"12","formattedAddress":"Алматы, Абая, 150, кв. 12",
               "latitude":43.238949,"longitude":76.889709},
              "pickupPointId":"30126483_PP1","state":"NEW","assembled":false,"approvedByBankDate":%d,
              "status":"APPROVED_BY_BANK",
              "customer":{"id":"BHoDz3Hcq2","name":null,"cellPhone":"7012345678","firstName":"Айгерим",
               "lastName":"Нурланова"},
              "deliveryCost":0.0,"originAddress":{"id":"30126483_PP1","displayName":"Склад Алматы",
               "city":{"id":"750000000","code":"750000000","name":"Алматы","active":true}}},
             "relationships":{"user":{"links":{"self":"https://kaspi.kz/shop/api/v2/orders/%s/relationships/user"},
               "data":{"type":"customers","id":"BHoDz3Hcq2"}},
              "entries":{"links":{"self":"https://kaspi.kz/shop/api/v2/orders/%s/relationships/entries"}}},
             "links":{"self":"https://kaspi.kz/shop/api/v2/orders/%s"}}
            """.formatted(id, unknown, code, CREATED + 86_400_000L, CREATED, CREATED + 60_000L, id, id, id);
    }

    static String entries() {
        return """
            {"data":[
              {"type":"orderentries","id":"NTAwMDAwMTAwOjA=",
               "attributes":{"quantity":1,"totalPrice":89990.0,"entryNumber":0,"deliveryCost":0.0,
                "basePrice":89990.0,"unitType":"PIECES","isImeiRequired":true,
                "offer":{"code":"112233445","name":"Смартфон Samsung Galaxy A55 5G 8/256 ГБ тёмно-синий"},
                "category":{"code":"Master - Smartphones","title":"Смартфоны"}},
               "relationships":{
                "product":{"links":{"self":"https://kaspi.kz/shop/api/v2/orderentries/NTAwMDAwMTAwOjA=/product"},
                 "data":{"type":"masterproducts","id":"MP-118225883"}},
                "deliveryPointOfService":{"data":{"type":"pointofservices","id":"30126483_PP1"}}},
               "links":{"self":"https://kaspi.kz/shop/api/v2/orderentries/NTAwMDAwMTAwOjA="}},
              {"type":"orderentries","id":"NTAwMDAwMTAwOjE=",
               "attributes":{"quantity":2,"totalPrice":6055,"entryNumber":1,"basePrice":3027.5,
                "unitType":"PIECES","offer":{"code":"998877","name":"Чехол-книжка для Samsung Galaxy A55, чёрный"},
                "category":{"code":"Master - Phone cases","title":"Чехлы для смартфонов"}},
               "relationships":{"product":{"links":{"self":"https://kaspi.kz/x"}}},
               "links":{"self":"https://kaspi.kz/shop/api/v2/orderentries/NTAwMDAwMTAwOjE="}}
            ]}
            """;
    }

    static String merchantProduct(String sku) {
        return """
            {"data":{"type":"merchantproducts","id":"MRP-1","attributes":{"code":"%s",
             "name":"Смартфон Samsung Galaxy A55 5G 8/256 ГБ"}}}
            """.formatted(sku);
    }

    static String masterProduct(String id) {
        return """
            {"data":{"type":"masterproducts","id":"%s","attributes":{"code":"118225883",
             "name":"Чехол-книжка для Samsung Galaxy A55","manufacturer":"Samsung"}}}
            """.formatted(id);
    }
}
