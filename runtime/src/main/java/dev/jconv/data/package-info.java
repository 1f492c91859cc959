/** Data sets: readers for IDX, CIFAR-10 and image folders, in-memory arrays, generated data. */
package dev.jconv.data;
