import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DocumentKind } from './documents.entity.js';

@ObjectType('Document', { description: 'An uploaded file; the bytes are served at `url` to those allowed only' })
export class DocumentType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field(() => Date)
  uploadedAt!: Date;

  @Field(() => String, { description: 'Display name of who uploaded it' })
  uploadedBy!: string;

  @Field(() => String, { description: 'Same-origin download path, e.g. /files/<id>' })
  url!: string;
}

@ObjectType('UploadLimits', { description: 'What POST /files accepts' })
export class UploadLimitsType {
  @Field(() => Int)
  maxBytes!: number;

  @Field(() => [String])
  contentTypes!: string[];
}
