namespace Governance.GraphQL.Tests.Validation;

/// <summary>
/// The schema the rule tests validate against: the spec's §5 example schema (Dog, Cat, Human,
/// Pet, CatOrDog, …), so tests can quote the spec's examples, plus arguments of every input
/// kind, a OneOf input, an interface implementing an interface, custom directives and roots
/// with non-default names.
/// </summary>
internal static class ValidationTestSchema
{
    public const string Sdl = """
        schema { query: QueryRoot mutation: MutationRoot subscription: SubscriptionRoot }
        
        directive @cached(ttl: Int) on FIELD
        directive @tag(name: String!) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | QUERY | VARIABLE_DEFINITION
        directive @onQuery on QUERY
        directive @onMutation on MUTATION
        directive @onVariable on VARIABLE_DEFINITION
        directive @onFragment on FRAGMENT_DEFINITION
        
        scalar Instant
        
        enum DogCommand { SIT DOWN HEEL }
        enum CatCommand { JUMP }
        
        interface Sentient { name: String! }
        interface Pet { name: String! }
        interface Mammal { mother: Mammal father: Mammal }
        interface Canine implements Mammal { name(surname: Boolean): String mother: Canine father: Canine }
        
        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String!
          nickname: String
          barkVolume: Int
          doesKnowCommand(dogCommand: DogCommand!): Boolean!
          isHouseTrained(atOtherHomes: Boolean): Boolean!
          owner: Human
          mother: Dog
          father: Dog
          born: Instant
          favouriteCommand: DogCommand
        }
        
        type Alien implements Sentient { name: String! homePlanet: String }
        type Human implements Sentient { name: String! pets: [Pet!] relatives: [Human!]! iq: Int }
        type Cat implements Pet { name: String! nickname: String doesKnowCommand(catCommand: CatCommand!): Boolean! meowVolume: Int }
        
        union CatOrDog = Cat | Dog
        union DogOrHuman = Dog | Human
        union HumanOrAlien = Human | Alien
        
        input FindDogInput { name: String owner: String }
        input ComplexInput { requiredField: Boolean! nonNullField: Boolean! = false intField: Int stringField: String booleanField: Boolean stringListField: [String] }
        input PetLookup @oneOf { dogName: String catName: String byInput: FindDogInput }
        
        type Arguments {
          multipleRequirements(x: Int!, y: Int!): Int!
          booleanArgField(booleanArg: Boolean): Boolean
          floatArgField(floatArg: Float): Float
          intArgField(intArg: Int): Int
          idArgField(idArg: ID): ID
          stringArgField(stringArg: String): String
          enumArgField(enumArg: DogCommand): String
          instantArgField(instantArg: Instant): String
          nonNullBooleanArgField(nonNullBooleanArg: Boolean!): Boolean!
          booleanListArgField(booleanListArg: [Boolean]!): [Boolean]
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          optionalNonNullBooleanArgField(optionalBooleanArg: Boolean! = false): Boolean!
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(lookup: PetLookup!): String
          nullableOneOfArgField(lookup: PetLookup): String
        }
        
        type QueryRoot {
          dog: Dog
          cat: Cat
          pet: Pet
          human(id: ID): Human
          alien: Alien
          catOrDog: CatOrDog
          dogOrHuman: DogOrHuman
          humanOrAlien: HumanOrAlien
          findDog(searchBy: FindDogInput): Dog
          arguments: Arguments
          canine: Canine
        }
        
        type MutationRoot { adoptDog(name: String!): Dog renameDog(name: String!): Dog }
        type SubscriptionRoot { newDog: Dog newCat: Cat disallowedSecondRootField: Boolean }
        """;
}
