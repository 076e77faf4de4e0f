// The codes of a département's communes: which of them a page of the coverage holds.
//
// $departement: the département's code
MATCH (:Territory {code: $departement, level: 'DEPARTEMENT'})<-[:PART_OF]-(commune:Territory {level: 'COMMUNE'})
RETURN commune.code AS code
