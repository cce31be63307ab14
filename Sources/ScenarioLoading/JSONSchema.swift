import Foundation

/// Writes the scenario language as a JSON Schema (draft 2020-12) from ``ScenarioSchema``'s
/// tables, so that editors with a YAML language server complete and check keys as people type.
public enum JSONSchema {
    /// The schema document, pretty-printed with sorted keys.
    public static func document() -> String {
        var root = object(ScenarioSchema.scenario)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://phm-workbench.invalid/scenario.schema.json"
        root["title"] = "phm-workbench scenario"
        root["$defs"] = [
            "quantity": quantity,
            "distribution": distribution,
            "cohortQuantity": [
                "description": "A number, a distribution, or {base, multiply: {DIMENSION: {LEVEL: factor}}, by_cohort: {\"L1/L2\": value}}.",
                "anyOf": [
                    ["$ref": "#/$defs/quantity"],
                    [
                        "type": "object",
                        "properties": [
                            "base": ["$ref": "#/$defs/quantity"],
                            "multiply": ["type": "object", "additionalProperties": ["type": "object", "additionalProperties": ["$ref": "#/$defs/quantity"]]],
                            "by_cohort": ["type": "object", "additionalProperties": ["$ref": "#/$defs/quantity"]],
                        ] as [String: Any],
                        "required": ["base"],
                        "additionalProperties": false,
                    ] as [String: Any],
                ],
            ] as [String: Any],
        ] as [String: Any]
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private static var quantity: [String: Any] { [
        "description": "A number, or a distribution {dist: …}.",
        "anyOf": [["type": "number"], ["$ref": "#/$defs/distribution"]],
    ] }

    private static var distribution: [String: Any] {
        var variants: [[String: Any]] = []
        for family in ScenarioSchema.distributionFamilies {
            for parameters in family.parameterSets {
                var properties: [String: Any] = ["dist": ["const": family.name]]
                for name in parameters { properties[name] = ["type": "number"] }
                variants.append([
                    "type": "object", "properties": properties,
                    "required": ["dist"] + parameters, "additionalProperties": false,
                ])
            }
        }
        return ["description": "A distribution; mean and sd on the natural scale.", "oneOf": variants]
    }

    static func object(_ spec: ObjectSpec) -> [String: Any] {
        var properties: [String: Any] = [:]
        for key in spec.keys {
            var property = schema(for: key.kind)
            property["description"] = key.summary
            properties[key.name] = property
        }
        var result: [String: Any] = [
            "type": "object", "description": spec.summary, "properties": properties,
            "additionalProperties": spec.openKeys ? ["type": ["string", "number"]] as [String: Any] : false,
        ]
        if !spec.requiredKeys.isEmpty { result["required"] = spec.requiredKeys }
        return result
    }

    static func schema(for kind: ValueKind) -> [String: Any] {
        switch kind {
        case .number(let minimum, let maximum):
            var result: [String: Any] = ["type": "number"]
            if let minimum { result["minimum"] = minimum }
            if let maximum { result["maximum"] = maximum }
            return result
        case .integer(let minimum, let maximum):
            return ["type": "integer", "minimum": minimum, "maximum": maximum]
        case .string(let pattern):
            return pattern.map { ["type": "string", "pattern": $0] } ?? ["type": "string"]
        case .choice(let values):
            return ["enum": values]
        case .quantity:
            return ["$ref": "#/$defs/quantity"]
        case .cohortQuantity:
            return ["$ref": "#/$defs/cohortQuantity"]
        case .yearly:
            return ["anyOf": [["$ref": "#/$defs/quantity"], ["type": "array", "items": ["$ref": "#/$defs/quantity"]]]]
        case .object(let spec):
            return object(spec)
        case .namedMap(let value, let keyDescription):
            return ["type": "object", "additionalProperties": schema(for: value), "propertyNames": ["description": keyDescription]]
        case .list(let item):
            return ["type": "array", "items": schema(for: item)]
        case .nullable(let inner):
            return ["anyOf": [["type": "null"], schema(for: inner)]]
        case .oneOf(let kinds):
            return ["oneOf": kinds.map(schema(for:))]
        case .numberMap(let keyDescription):
            return ["type": "object", "additionalProperties": ["type": "number"], "propertyNames": ["description": keyDescription]]
        case .boolean:
            return ["type": "boolean"]
        }
    }
}
