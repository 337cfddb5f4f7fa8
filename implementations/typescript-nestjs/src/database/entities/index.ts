import { Author } from './author.entity';
import { BulkItem } from './bulk-item.entity';
import {
  UserExtraWide,
  UserNarrow,
  UserTypeInt,
  UserTypeJsonb,
  UserTypeText,
  UserTypeTimestamp,
  UserTypeUuid,
  UserTypeVarchar,
  UserWide,
} from './column-overhead.entities';
import { Post } from './post.entity';
import { Product } from './product.entity';
import { User, UserPagination } from './user.entity';

export { Author, BulkItem, Post, Product, User, UserPagination };
export { UserExtraWide, UserNarrow, UserTypeInt, UserTypeJsonb, UserTypeText, UserTypeTimestamp, UserTypeUuid, UserTypeVarchar, UserWide };

/** The 15 tables of the lab's schema, one entity each. */
export const ENTITIES = [
  User,
  UserPagination,
  UserNarrow,
  UserWide,
  UserExtraWide,
  UserTypeInt,
  UserTypeVarchar,
  UserTypeText,
  UserTypeJsonb,
  UserTypeTimestamp,
  UserTypeUuid,
  Author,
  Post,
  BulkItem,
  Product,
];
